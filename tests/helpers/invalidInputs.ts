import type { MethodName } from '../../shared/contract/methods';

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
  'jobs.list': [{ input: 7, field: 'input' }],
  'jobs.cancel': [
    { input: {}, field: 'jobId' },
    { input: { jobId: "x'; DROP TABLE pwb.meta; --" }, field: 'jobId' },
  ],
  'dialog.pickWorkspace': [{ input: { mode: 'delete' }, field: 'mode' }],
  'dialog.pickDataFiles': [{ input: { multiple: 'yes' }, field: 'input' }],
};
