import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorsByFieldType, type ConditionNode, type ConditionOperator, type FieldType } from '../../../shared/conditions';
import { WorkbenchError } from '../../../shared/errors';
import { compileConditionList, compileConditionNode } from '../../../electron/engine/conditions/compileCondition';
import { SqlParameters } from '../../../electron/engine/conditions/sqlParameters';
import { openConditionTable, type ConditionTable } from '../../helpers/conditionTable';

let fixture: ConditionTable;
beforeAll(async () => {
  fixture = await openConditionTable();
});
afterAll(() => fixture.db.close());

async function matchingIds(node: ConditionNode): Promise<number[]> {
  const params = new SqlParameters();
  const predicate = compileConditionNode(node, fixture.catalog, params, 'test');
  const rows = await fixture.db.all(`SELECT id FROM ${fixture.table} WHERE coalesce(${predicate}, false) ORDER BY id`, params.values);
  return rows.map((row) => Number(row['id']));
}

function compileError(node: ConditionNode): WorkbenchError {
  try {
    compileConditionNode(node, fixture.catalog, new SqlParameters(), 'goal.conditions.0');
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('expected the condition to be rejected');
}

/** Every operator on every field type that accepts it, against rows 1..6 (row 4 has every field missing). */
const cases: Record<FieldType, Array<{ op: ConditionOperator; field: string; value?: unknown; ids: number[] }>> = {
  text: [
    { op: 'eq', field: 'txt', value: 'C536379', ids: [1] },
    { op: 'eq', field: 'txt', value: "Ca'fé; --", ids: [3] },
    { op: 'ne', field: 'txt', value: 'C536379', ids: [2, 3, 4, 5, 6] },
    { op: 'in', field: 'txt', value: ['536380', 'c536381', 'absent'], ids: [2, 5] },
    { op: 'not_in', field: 'txt', value: ['536380', 'c536381'], ids: [1, 3, 4, 6] },
    { op: 'starts_with', field: 'txt', value: 'C', ids: [1, 3] },
    { op: 'not_starts_with', field: 'txt', value: 'C', ids: [2, 4, 5, 6] },
    { op: 'contains', field: 'txt', value: '5363', ids: [1, 2, 5] },
    { op: 'contains', field: 'txt', value: '%', ids: [] },
    { op: 'contains', field: 'txt', value: 'c53', ids: [5] },
    { op: 'contains_any_case', field: 'txt', value: 'c53', ids: [1, 5] },
    { op: 'contains_any_case', field: 'txt', value: "CA'FÉ", ids: [3] },
    { op: 'contains_any_case', field: 'txt', value: '_', ids: [] },
    { op: 'exists', field: 'txt', ids: [1, 2, 3, 5, 6] },
    { op: 'not_exists', field: 'txt', ids: [4] },
  ],
  number: [
    { op: 'eq', field: 'num', value: 12.5, ids: [1] },
    { op: 'eq', field: 'whole', value: 3, ids: [1, 6] },
    { op: 'ne', field: 'whole', value: 3, ids: [2, 3, 4, 5] },
    { op: 'in', field: 'whole', value: [0, 7], ids: [2, 3] },
    { op: 'not_in', field: 'whole', value: [0, 7], ids: [1, 4, 5, 6] },
    { op: 'gt', field: 'num', value: 3.25, ids: [1, 5] },
    { op: 'gte', field: 'num', value: 3.25, ids: [1, 5, 6] },
    { op: 'lt', field: 'num', value: 0, ids: [2] },
    { op: 'lte', field: 'num', value: 0, ids: [2, 3] },
    { op: 'between', field: 'num', value: [0, 12.5], ids: [1, 3, 6] },
    { op: 'between', field: 'whole', value: [-2, 0], ids: [2, 5] },
    { op: 'exists', field: 'num', ids: [1, 2, 3, 5, 6] },
    { op: 'not_exists', field: 'num', ids: [4] },
  ],
  time: [
    { op: 'gt', field: 'ts', value: '2011-03-01', ids: [3, 6] },
    { op: 'gte', field: 'ts', value: '2011-03-01', ids: [2, 3, 6] },
    { op: 'lt', field: 'ts', value: '2011-01-05T10:00:00', ids: [5] },
    { op: 'lte', field: 'ts', value: '2011-01-05T10:00:00', ids: [1, 5] },
    { op: 'between', field: 'ts', value: ['2011-01-01', '2011-03-01T00:00:00'], ids: [1, 2] },
    { op: 'exists', field: 'ts', ids: [1, 2, 3, 5, 6] },
    { op: 'not_exists', field: 'ts', ids: [4] },
  ],
  boolean: [
    { op: 'eq', field: 'flag', value: true, ids: [1, 3, 6] },
    { op: 'ne', field: 'flag', value: true, ids: [2, 4, 5] },
    { op: 'exists', field: 'flag', ids: [1, 2, 3, 5, 6] },
    { op: 'not_exists', field: 'flag', ids: [4] },
  ],
};

describe('condition operators, compiled and run in DuckDB', () => {
  for (const [type, typeCases] of Object.entries(cases) as Array<[FieldType, (typeof cases)[FieldType]]>) {
    it(`covers every operator the ${type} type accepts`, () => {
      expect(new Set(typeCases.map((entry) => entry.op))).toEqual(new Set(operatorsByFieldType[type]));
    });
    for (const entry of typeCases) {
      it(`${type}: ${entry.field} ${entry.op} ${JSON.stringify(entry.value ?? null)} matches rows ${entry.ids.join(', ') || 'none'}`, async () => {
        const node = { field: entry.field, op: entry.op, ...(entry.value === undefined ? {} : { value: entry.value }) } as ConditionNode;
        expect(await matchingIds(node)).toEqual(entry.ids);
      });
    }
  }

  it('treats a column with an awkward name as data: quotes, semicolons and comments in it change nothing', async () => {
    expect(await matchingIds({ field: 'odd "name"; --', op: 'starts_with', value: 'C' })).toEqual([1, 3]);
  });

  it('nests groups: all of (any of A, B) and C', async () => {
    const node: ConditionNode = {
      match: 'all',
      conditions: [
        { match: 'any', conditions: [{ field: 'txt', op: 'starts_with', value: 'C' }, { field: 'num', op: 'lt', value: 0 }] },
        { field: 'flag', op: 'eq', value: true },
      ],
    };
    expect(await matchingIds(node)).toEqual([1, 3]);
    expect(await matchingIds({ match: 'any', conditions: [node, { field: 'whole', op: 'eq', value: -2 }] })).toEqual([1, 3, 5]);
  });

  it('reads an empty condition list as "any event"', async () => {
    const params = new SqlParameters();
    expect(compileConditionList([], 'all', fixture.catalog, params, 'goal.conditions')).toBe('TRUE');
    expect(await matchingIds({ match: 'any', conditions: [] })).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('binds every value as a parameter: the SQL text holds none of them', () => {
    const params = new SqlParameters();
    const sql = compileConditionNode({ field: 'txt', op: 'in', value: ["x'); DROP TABLE data.conditions; --", 'C536379'] }, fixture.catalog, params, 'test');
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('C536379');
    expect(params.values).toEqual(["x'); DROP TABLE data.conditions; --", 'C536379']);
  });
});

describe('condition errors name the offending node', () => {
  it('rejects a field the dataset does not have', () => {
    const error = compileError({ field: 'Price', op: 'gt', value: 1 });
    expect(error.field).toBe('goal.conditions.0.field');
    expect(error.message).toMatch(/no field "Price" in the dataset "conditions"/);
  });

  it('rejects an operator that does not fit the field type', () => {
    expect(compileError({ field: 'num', op: 'starts_with', value: '1' }).field).toBe('goal.conditions.0.op');
    expect(compileError({ field: 'ts', op: 'in', value: ['2011-01-01'] }).message).toMatch(/"in" does not apply to the time field "ts"/);
    expect(compileError({ field: 'flag', op: 'gt', value: true }).field).toBe('goal.conditions.0.op');
  });

  it('rejects values of the wrong type, pointing at the value', () => {
    expect(compileError({ field: 'num', op: 'eq', value: '12.5' }).field).toBe('goal.conditions.0.value');
    expect(compileError({ field: 'txt', op: 'in', value: ['a', 3] }).field).toBe('goal.conditions.0.value.1');
    expect(compileError({ field: 'ts', op: 'gt', value: '2011-02-30' }).message).toMatch(/compared with a date/);
    expect(compileError({ field: 'flag', op: 'eq', value: 'true' }).field).toBe('goal.conditions.0.value');
  });

  it('rejects a between whose low value is above its high value', () => {
    expect(compileError({ field: 'num', op: 'between', value: [5, 1] }).message).toMatch(/low value first/);
    expect(compileError({ field: 'ts', op: 'between', value: ['2011-05-01', '2011-01-01'] }).field).toBe('goal.conditions.0.value');
  });

  it('does not offer list-valued columns, and names nested nodes by their path', () => {
    expect(fixture.catalog.fields.has('tags')).toBe(false);
    const error = compileError({ match: 'all', conditions: [{ field: 'txt', op: 'exists' }, { match: 'any', conditions: [{ field: 'tags', op: 'exists' }] }] });
    expect(error.field).toBe('goal.conditions.0.conditions.1.conditions.0.field');
  });
});
