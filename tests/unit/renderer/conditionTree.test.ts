import { describe, expect, it } from 'vitest';
import type { ConditionNode } from '../../../shared/conditions';
import type { FieldInfo } from '../../../shared/contract/instances';
import { groupDepth, moveNode, newCondition, newGroup, removeAt, replaceAt, valueFor, withField, withOperator } from '../../../renderer/src/goal/conditionTree';

const field = (name: string, type: FieldInfo['type'], role: FieldInfo['role'] = 'attribute'): FieldInfo => ({
  name,
  type,
  role,
  sqlType: type.toUpperCase(),
  operators: { text: ['eq', 'ne', 'in', 'not_in', 'starts_with', 'not_starts_with', 'contains', 'contains_any_case', 'exists', 'not_exists'], number: ['eq', 'gt', 'between', 'in', 'exists'], time: ['gt', 'between', 'exists'], boolean: ['eq', 'exists'] }[type] as FieldInfo['operators'],
});

const a: ConditionNode = { field: 'a', op: 'exists' };
const b: ConditionNode = { field: 'b', op: 'exists' };
const c: ConditionNode = { field: 'c', op: 'exists' };

describe('condition tree edits', () => {
  it('moves a node up, down, to either end, and clamps moves past the ends', () => {
    expect(moveNode([a, b, c], 2, 0)).toEqual([c, a, b]);
    expect(moveNode([a, b, c], 0, 1)).toEqual([b, a, c]);
    expect(moveNode([a, b, c], 0, 5)).toEqual([b, c, a]);
    expect(moveNode([a, b, c], 1, -1)).toEqual([b, a, c]);
    expect(moveNode([a, b, c], 1, 1)).toEqual([a, b, c]);
  });

  it('replaces and removes without touching the input', () => {
    const list = [a, b];
    expect(replaceAt(list, 1, c)).toEqual([a, c]);
    expect(removeAt(list, 0)).toEqual([b]);
    expect(list).toEqual([a, b]);
  });

  it('starts a new condition on the event-type field, and a new group empty', () => {
    expect(newCondition([field('id', 'text', 'id'), field('type', 'text', 'event_type')])).toEqual({ field: 'type', op: 'eq', value: '' });
    expect(newCondition([field('amount', 'number')])).toEqual({ field: 'amount', op: 'eq', value: 0 });
    expect(newGroup()).toEqual({ match: 'any', conditions: [] });
    expect(groupDepth({ match: 'all', conditions: [a, { match: 'any', conditions: [b] }] })).toBe(2);
  });

  it('keeps the operator when the new field accepts it, and resets the value to the new type', () => {
    expect(withField({ field: 'type', op: 'starts_with', value: 'C' }, field('amount', 'number'))).toEqual({ field: 'amount', op: 'eq', value: 0 });
    expect(withField({ field: 'amount', op: 'exists' }, field('type', 'text'))).toEqual({ field: 'type', op: 'exists' });
    expect(withField({ field: 'x', op: 'eq', value: 'keep?' }, field('flag', 'boolean'))).toEqual({ field: 'flag', op: 'eq', value: true });
  });

  it('reshapes the value when the operator changes: one, list, range, none', () => {
    expect(withOperator({ field: 'type', op: 'eq', value: 'purchase' }, 'in', 'text')).toEqual({ field: 'type', op: 'in', value: ['purchase'] });
    expect(withOperator({ field: 'type', op: 'in', value: ['a', 'b'] }, 'eq', 'text')).toEqual({ field: 'type', op: 'eq', value: 'a' });
    expect(withOperator({ field: 'amount', op: 'gt', value: 5 }, 'between', 'number')).toEqual({ field: 'amount', op: 'between', value: [5, 0] });
    expect(withOperator({ field: 'amount', op: 'gt', value: 5 }, 'exists', 'number')).toEqual({ field: 'amount', op: 'exists' });
    expect(valueFor('between', 'time', undefined)).toEqual(['', '']);
    // A blank text input does not become an empty value in a list.
    expect(withOperator({ field: 'type', op: 'eq', value: '' }, 'in', 'text')).toEqual({ field: 'type', op: 'in', value: [] });
  });
});
