import type { MethodName } from '../../shared/contract/methods';

const VALID_CONFIG = {
  name: 'Orders',
  propensity: 'conversion',
  events: 'retail',
  goal: { occurs: true, window_days: 90, match: 'all', conditions: [] },
} as const;

/**
 * For every contract method, inputs that must be refused, with the field the error must name.
 * Typed as a record over every method name, so a new method does not compile until it is listed here.
 */
export const invalidInputs: Record<MethodName, Array<{ input: unknown; field: string }>> = {
  'app.info': [
    { input: { verbose: true }, field: 'input' },
    { input: 'info', field: 'input' },
  ],
  'workspace.create': [
    { input: {}, field: 'path' },
    { input: { path: 42 }, field: 'path' },
    { input: { path: '   ' }, field: 'path' },
    { input: { path: '/tmp/x.pwb', name: '' }, field: 'name' },
  ],
  'workspace.open': [
    { input: {}, field: 'path' },
    { input: { path: null }, field: 'path' },
  ],
  'workspace.close': [{ input: { force: true }, field: 'input' }],
  'workspace.current': [{ input: [], field: 'input' }],
  'workspace.recent': [
    { input: { limit: 0 }, field: 'limit' },
    { input: { limit: 'ten' }, field: 'limit' },
  ],
  'workspace.openDemo': [{ input: { rebuild: 'yes' }, field: 'rebuild' }],
  'datasets.list': [{ input: { kind: 'events' }, field: 'input' }],
  'datasets.activity': [
    { input: {}, field: 'datasetId' },
    { input: { datasetId: 'ds_1; DROP TABLE pwb.datasets' }, field: 'datasetId' },
  ],
  'datasets.quality': [{ input: { datasetId: 7 }, field: 'datasetId' }],
  'datasets.rename': [
    { input: { datasetId: 'ds_abc' }, field: 'name' },
    { input: { datasetId: 'ds_abc', name: '   ' }, field: 'name' },
    { input: { datasetId: 'nope', name: 'x' }, field: 'datasetId' },
  ],
  'datasets.delete': [{ input: { datasetId: "ds_a' OR 1=1" }, field: 'datasetId' }],
  'imports.preview': [
    { input: {}, field: 'source' },
    { input: { source: { files: [] } }, field: 'source.files' },
    { input: { source: { files: ['a.csv'], format: 'xlsx' } }, field: 'source.format' },
    { input: { source: { files: ['a.csv'], delimiter: ';;' } }, field: 'source.delimiter' },
  ],
  'imports.start': [
    { input: { source: { files: ['a.csv'] } }, field: 'mapping' },
    { input: { source: { files: ['a.csv'] }, mapping: { name: 'x', kind: 'orders', idColumn: 'id' } }, field: 'mapping.kind' },
    { input: { source: { files: ['a.csv'] }, mapping: { name: 'x', kind: 'events', idColumn: '' } }, field: 'mapping.idColumn' },
    { input: { source: { files: ['a.csv'] }, mapping: { name: '', kind: 'events', idColumn: 'id' } }, field: 'mapping.name' },
  ],
  'instances.list': [{ input: { all: true }, field: 'input' }],
  'instances.get': [
    { input: {}, field: 'instanceId' },
    { input: { instanceId: "in_1' OR '1'='1" }, field: 'instanceId' },
  ],
  'instances.save': [
    { input: {}, field: 'config' },
    { input: { config: { ...VALID_CONFIG, name: ' ' } }, field: 'config.name' },
    { input: { config: { ...VALID_CONFIG, propensity: 'upsell' } }, field: 'config.propensity' },
    { input: { config: { ...VALID_CONFIG, goal: { ...VALID_CONFIG.goal, window_days: 0 } } }, field: 'config.goal.window_days' },
    { input: { config: { ...VALID_CONFIG, goal: { ...VALID_CONFIG.goal, conditions: [{ field: 'x', op: 'like', value: '%' }] } } }, field: 'config.goal.conditions.0.op' },
    { input: { config: { ...VALID_CONFIG, as_of: '2011-02-30' } }, field: 'config.as_of' },
    { input: { instanceId: 'ds_x', config: VALID_CONFIG }, field: 'instanceId' },
  ],
  'instances.rename': [{ input: { instanceId: 'in_abc', name: '' }, field: 'name' }],
  'instances.clone': [{ input: { instanceId: 'in_abc', name: 7 }, field: 'name' }],
  'instances.delete': [
    { input: { instanceId: 'in_abc; DROP TABLE pwb.instances' }, field: 'instanceId' },
    { input: { instanceId: 'in_abc', deleteRuns: 'yes' }, field: 'deleteRuns' },
  ],
  'instances.preset': [
    { input: { kind: 'upsell', datasetId: 'ds_abc' }, field: 'kind' },
    { input: { kind: 'churn', datasetId: 'ds_abc', windowDays: -3 }, field: 'windowDays' },
  ],
  'goals.fields': [{ input: { datasetId: 'retail' }, field: 'datasetId' }],
  'goals.fieldValues': [
    { input: { datasetId: 'ds_abc' }, field: 'field' },
    { input: { datasetId: 'ds_abc', field: 'x', limit: 1000 }, field: 'limit' },
  ],
  'goals.preview': [
    { input: { config: { ...VALID_CONFIG, goal: { ...VALID_CONFIG.goal, conditions: [{ field: 'x', op: 'in', value: [] }] } } }, field: 'config.goal.conditions.0.value' },
    { input: { config: { ...VALID_CONFIG, goal: { ...VALID_CONFIG.goal, conditions: [{ match: 'some', conditions: [] }] } } }, field: 'config.goal.conditions.0.match' },
    { input: { config: { ...VALID_CONFIG, exclusions: [{ field: 'x', op: 'eq', value: 'a\u0000b' }] } }, field: 'config.exclusions.0.value' },
  ],
  'runs.start': [
    { input: {}, field: 'instanceId' },
    { input: { instanceId: "in_x'; DROP TABLE pwb.runs; --" }, field: 'instanceId' },
  ],
  'runs.list': [
    { input: { instanceId: 12 }, field: 'instanceId' },
    { input: { instanceId: 'in_a', extra: true }, field: 'input' },
  ],
  'runs.get': [
    { input: {}, field: 'runId' },
    { input: { runId: 'run_../../etc' }, field: 'runId' },
  ],
  'runs.insights': [
    { input: {}, field: 'runId' },
    { input: { runId: 'run_a', bins: 3 }, field: 'input' },
  ],
  'runs.featureDistribution': [
    { input: { runId: 'run_a' }, field: 'key' },
    { input: { runId: 'run_a', key: 'orders_30d', bins: 1 }, field: 'bins' },
    { input: { runId: 'run_a', key: 'orders_30d', bins: 2.5 }, field: 'bins' },
  ],
  'runs.customers': [
    { input: { runId: 'run_a', limit: 5000 }, field: 'limit' },
    { input: { runId: 'run_a', offset: -1 }, field: 'offset' },
    { input: { runId: 'run_a', sort: { column: 'customer; DROP TABLE pwb.runs', descending: true } }, field: 'sort.column' },
    { input: { runId: 'run_a', filter: { buckets: ['top'] } }, field: 'filter.buckets.0' },
    { input: { runId: 'run_a', filter: { minProbability: 1.5 } }, field: 'filter.minProbability' },
  ],
  'runs.scoreCard': [
    { input: { runId: 'run_a' }, field: 'customer' },
    { input: { runId: 'run_a', customer: '' }, field: 'customer' },
  ],
  'segments.fields': [{ input: { runId: 'run_a; DROP' }, field: 'runId' }],
  'segments.fieldValues': [
    { input: { runId: 'run_a' }, field: 'field' },
    { input: { runId: 'run_a', field: 'probability', limit: 0 }, field: 'limit' },
  ],
  'segments.count': [
    { input: { runId: 'run_a', definition: { match: 'some' } }, field: 'definition.match' },
    { input: { runId: 'run_a', definition: { conditions: [{ field: 'probability', op: 'between', value: [1] }] } }, field: 'definition.conditions.0.value' },
    { input: { runId: 'run_a', definition: { conditions: [], extra: 1 } }, field: 'definition' },
  ],
  'segments.list': [{ input: { runId: 5 }, field: 'runId' }],
  'segments.get': [{ input: { segmentId: 'seg_../x' }, field: 'segmentId' }],
  'segments.save': [
    { input: { runId: 'run_a', name: '   ', definition: {} }, field: 'name' },
    { input: { runId: 'run_a', name: 'A\u0007', definition: {} }, field: 'name' },
    { input: { runId: 'run_a', name: 'A' }, field: 'definition' },
  ],
  'segments.rename': [{ input: { segmentId: 'seg_ab', name: '' }, field: 'name' }],
  'runs.delete': [
    { input: {}, field: 'runId' },
    { input: { runId: 'run_../../etc' }, field: 'runId' },
  ],
  'segments.fromOtherRuns': [{ input: {}, field: 'runId' }],
  'segments.copyToRun': [
    { input: { runId: 'run_abc', segmentIds: [] }, field: 'segmentIds' },
    { input: { runId: 'run_abc', segmentIds: ['nope'] }, field: 'segmentIds.0' },
  ],
  'segments.clone': [{ input: { segmentId: 'nope' }, field: 'segmentId' }],
  'segments.delete': [{ input: {}, field: 'segmentId' }],
  'segments.compare': [
    { input: { segmentIds: ['seg_ab'] }, field: 'segmentIds' },
    { input: { segmentIds: ['seg_ab', 'seg_cd'], bins: 1000 }, field: 'bins' },
  ],
  'segments.profit': [
    { input: { runId: 'run_a', valuePerConversion: -1, costPerContact: 1 }, field: 'valuePerConversion' },
    { input: { runId: 'run_a', valuePerConversion: 10, costPerContact: 1, capacity: 0 }, field: 'capacity' },
    { input: { runId: 'run_a', valuePerConversion: 10 }, field: 'costPerContact' },
  ],
  'exports.start': [
    { input: { runId: 'run_a', format: 'xlsx', path: '/tmp/x' }, field: 'format' },
    { input: { runId: 'run_a', format: 'csv', path: '' }, field: 'path' },
    { input: { runId: 'run_a', format: 'csv', path: '/tmp/a\u0000b' }, field: 'path' },
  ],
  'exports.check': [{ input: { path: 3 }, field: 'path' }],
  'jobs.list': [{ input: 7, field: 'input' }],
  'jobs.cancel': [
    { input: {}, field: 'jobId' },
    { input: { jobId: "x'; DROP TABLE pwb.meta; --" }, field: 'jobId' },
  ],
  'dialog.pickWorkspace': [{ input: { mode: 'delete' }, field: 'mode' }],
  'dialog.pickDataFiles': [{ input: { multiple: 'yes' }, field: 'input' }],
  'dialog.pickExportPath': [
    { input: { format: 'xls', suggestedName: 'a.xls' }, field: 'format' },
    { input: { format: 'csv', suggestedName: '' }, field: 'suggestedName' },
  ],
};
