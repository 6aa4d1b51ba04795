import { StatementType } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../shared/contract/methods';
import { formatPath, type ConditionNode } from '../../../shared/conditions';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { compileConditionList } from '../../../electron/engine/conditions/compileCondition';
import { SqlParameters } from '../../../electron/engine/conditions/sqlParameters';
import { datasetTable, registerDataset } from '../../../electron/engine/datasets/datasetCatalog';
import { previewGoal } from '../../../electron/engine/instances/goalPreview';
import { resolveInstance, type ResolvedInstance } from '../../../electron/engine/instances/resolveInstance';
import { Database, type SqlParams } from '../../../electron/engine/sql/database';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { useTempDirs } from '../../helpers/tempDir';

/** Column names that would break naive SQL building; the events table has all of them. */
const HOSTILE_COLUMNS = [
  'x"; DROP TABLE canary; --',
  "' OR 1=1 --",
  '名前',
  'commerce.order.priceTotal',
  '$1',
  '/* c */',
  'select',
];
const HOSTILE_TEXT = [
  "'; DROP TABLE canary; --",
  "' OR '1'='1",
  '"; DELETE FROM canary; --',
  '\\',
  "''",
  '--',
  '/*',
  '*/',
  '$1',
  '?',
  ';',
  'Robert\'); DROP TABLE canary;--',
  'naïve café 北京 🚀',
  '\u202e\u0000evil',
  'line\nbreak\r\n',
  '%_',
  '\uD800',
  'x'.repeat(1000),
  'y'.repeat(1001),
  'z'.repeat(200_000),
  'C',
  '',
];
const OPERATORS = ['eq', 'ne', 'in', 'not_in', 'starts_with', 'not_starts_with', 'contains', 'contains_any_case', 'exists', 'not_exists', 'gt', 'gte', 'lt', 'lte', 'between', "eq'; DROP", 'like'];

/** Deterministic generator (mulberry32), so a failure reproduces. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

type Random = ReturnType<typeof randomSource>;

function hostileScalar(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.5) return random.pick(HOSTILE_TEXT);
  if (roll < 0.7) return random.pick([0, -1, 3.5, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1]);
  if (roll < 0.8) return random.pick([true, false]);
  if (roll < 0.85) return random.pick(['2011-06-01', '2011-02-30', '2011-06-01T10:00:00', "2011-06-01'; DROP TABLE canary; --"]);
  if (roll < 0.9) return null;
  return random.pick([{ $gt: 1 }, [[1]], undefined, () => 1]);
}

function hostileValue(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.55) return hostileScalar(random);
  if (roll < 0.9) return Array.from({ length: Math.floor(random.next() * 4) + (random.next() < 0.05 ? 1200 : 0) }, () => hostileScalar(random));
  return undefined;
}

function hostileNode(random: Random, depth: number): unknown {
  if (depth < 4 && random.next() < 0.25) {
    const group: Record<string, unknown> = {
      match: random.next() < 0.95 ? random.pick(['all', 'any']) : "all' OR 1=1",
      conditions: Array.from({ length: Math.floor(random.next() * 4) }, () => hostileNode(random, depth + 1)),
    };
    if (random.next() < 0.03) group['sql'] = 'DROP TABLE canary';
    return group;
  }
  const roll = random.next();
  const field = roll < 0.6 ? random.pick(['text', 'amount', 'flag', 'at', ...HOSTILE_COLUMNS]) : roll < 0.95 ? random.pick([...HOSTILE_TEXT, 'Price']) : random.pick([42, null, ['text']]);
  const node: Record<string, unknown> = { field, op: random.pick(OPERATORS) };
  const value = hostileValue(random);
  if (value !== undefined) node['value'] = value;
  if (random.next() < 0.02) return random.pick(['DROP TABLE canary', 7, null, [node]]);
  return node;
}

function baseConfig(conditions: unknown, exclusions: unknown): unknown {
  return {
    name: 'Hostile',
    propensity: 'conversion',
    events: 'events',
    goal: { occurs: true, window_days: 30, match: 'all', conditions },
    exclusions,
    as_of: '2011-07-01',
  };
}

/** The same tree with every value swapped for a harmless one of the same type: the SQL text must not change. */
function withBlandValues(node: ConditionNode): ConditionNode {
  if ('match' in node) return { match: node.match, conditions: node.conditions.map(withBlandValues) };
  const bland = (value: unknown): unknown => (typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}/.test(value) ? '2000-01-01' : 'v') : typeof value === 'number' ? 1 : value);
  if (node.value === undefined || node.value === null) return node;
  const value = Array.isArray(node.value) ? node.value.map(bland) : bland(node.value);
  return { ...node, value: value as typeof node.value };
}

const tempDir = useTempDirs();
let workspace: Workspace;
let resolvedBase: ResolvedInstance;
const TREES = 10_000;

/** Every statement the engine sends while previewing, to check afterwards that each was one SELECT. */
class RecordingDatabase {
  readonly statements: string[] = [];
  constructor(private readonly db: Database) {}
  all(sql: string, params?: SqlParams) {
    this.statements.push(sql);
    return this.db.all(sql, params);
  }
  one(sql: string, params?: SqlParams) {
    this.statements.push(sql);
    return this.db.one(sql, params);
  }
  run(sql: string, params?: SqlParams) {
    this.statements.push(sql);
    return this.db.run(sql, params);
  }
}

async function expectSingleSelect(sql: string): Promise<void> {
  const extracted = await workspace.db.connection.extractStatements(sql);
  expect(extracted.count).toBe(1);
  const prepared = await extracted.prepare(0);
  expect(prepared.statementType).toBe(StatementType.SELECT);
}

beforeAll(async () => {
  workspace = await Workspace.create(`${tempDir()}/hostile.pwb`, 'Hostile');
  const db = workspace.db;
  await db.run('CREATE TABLE main.canary (id INTEGER, note VARCHAR)');
  await db.run(`INSERT INTO main.canary VALUES (1, 'still here')`);
  const columns = HOSTILE_COLUMNS.map((name) => `"${name.replaceAll('"', '""')}" VARCHAR`).join(', ');
  await db.run(`CREATE TABLE ${datasetTable('d_events')} (customer VARCHAR, "at" TIMESTAMP, text VARCHAR, amount DOUBLE, flag BOOLEAN, ${columns})`);
  await db.run(
    `INSERT INTO ${datasetTable('d_events')} (customer, "at", text, amount, flag)
     SELECT 'c' || (i % 50), TIMESTAMP '2011-01-01' + to_hours(i * 7), CASE WHEN i % 3 = 0 THEN 'C' || i ELSE CAST(i AS VARCHAR) END, i * 1.5, i % 2 = 0
     FROM range(600) t(i)`,
  );
  await registerDataset(db, { name: 'events', kind: 'events', tableName: 'd_events', idColumn: 'customer', timeColumn: 'at', eventTypeColumn: null, source: null });
  const config = methods['goals.preview'].input.parse({ config: baseConfig([], []) }).config;
  resolvedBase = await resolveInstance(db, config);
});
afterAll(() => workspace?.close());

describe('hostile condition trees', () => {
  it(`rejects with a clear message, or compiles to SQL where values are only data, for ${TREES.toLocaleString('en-US')} random trees`, async () => {
    const random = randomSource(20261128);
    const tally = { schemaRejected: 0, compileRejected: 0, executed: 0, previews: 0 };
    const seenMessages = new Set<string>();
    for (let index = 0; index < TREES; index += 1) {
      const tree = hostileNode(random, 0);
      const asExclusion = random.next() < 0.2;
      const input = { config: baseConfig(asExclusion ? [] : [tree], asExclusion ? [tree] : []) };
      const parsed = methods['goals.preview'].input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        expect(issue.message.length).toBeGreaterThan(8);
        expect(issue.message).not.toBe('Invalid input');
        expect(formatPath(issue.path)).toMatch(/^config\.(goal\.conditions|exclusions)/);
        seenMessages.add(issue.message.replace(/"[^"]*"/g, '"…"'));
        tally.schemaRejected += 1;
        continue;
      }
      const config: InstanceConfig = parsed.data.config;
      const nodes = asExclusion ? config.exclusions : config.goal.conditions;
      const params = new SqlParameters();
      let predicate: string;
      try {
        predicate = compileConditionList(nodes, 'any', resolvedBase.catalog, params, 'tree');
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbenchError);
        expect((error as WorkbenchError).code).toBe('invalid_input');
        expect((error as WorkbenchError).field).toMatch(/^tree\.\d/);
        tally.compileRejected += 1;
        continue;
      }
      // Values never shape the SQL text: a tree with bland values compiles to the very same text.
      const blandParams = new SqlParameters();
      expect(compileConditionList(nodes.map(withBlandValues), 'any', resolvedBase.catalog, blandParams, 'tree')).toBe(predicate);
      expect(params.values.length).toBe(blandParams.values.length);
      const sql = `SELECT count(*) AS n FROM ${resolvedBase.eventsTable} WHERE coalesce(${predicate}, false)`;
      await expectSingleSelect(sql);
      await workspace.db.one(sql, params.values);
      tally.executed += 1;
      // Every 5th accepted tree also goes through the whole preview, recording what it sends to DuckDB.
      if (tally.executed % 5 === 0) {
        const recording = new RecordingDatabase(workspace.db);
        await previewGoal(recording as unknown as Database, config);
        for (const statement of recording.statements) await expectSingleSelect(statement);
        tally.previews += 1;
      }
    }
    const canary = await workspace.db.all('SELECT id, note FROM main.canary');
    expect(canary).toEqual([{ id: 1, note: 'still here' }]);
    const tables = await workspace.db.all(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'`);
    expect(tables.map((row) => row['table_name'])).toEqual(['d_events']);
    expect(Number((await workspace.db.one(`SELECT count(*) AS n FROM ${resolvedBase.eventsTable}`))!['n'])).toBe(600);
    // The generator must exercise every path, not just the schema's front door.
    expect(tally.schemaRejected + tally.compileRejected + tally.executed).toBe(TREES);
    expect(tally.executed).toBeGreaterThan(1000);
    expect(tally.compileRejected).toBeGreaterThan(500);
    expect(tally.previews).toBeGreaterThan(150);
    console.log(`hostile trees: ${JSON.stringify(tally)}; ${seenMessages.size} distinct schema messages`);
  }, 300_000);
});
