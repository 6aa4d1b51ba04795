import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionListSchema, formatPath, MAX_CONDITIONS_PER_TREE, MAX_GROUP_DEPTH } from '../../../shared/conditions';
import { instanceConfigSchema } from '../../../shared/instanceConfig';

function firstIssue(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  return `${formatPath(issue.path)}: ${issue.message}`;
}

const base = { name: 'Orders', propensity: 'conversion', events: 'retail', goal: { occurs: true, window_days: 90, match: 'all', conditions: [] } };

describe('instance config schema', () => {
  it('reads the example retail config and fills in the defaults', () => {
    const example = instanceConfigSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'examples', 'retail-orders-90d.json'), 'utf8')));
    expect(example).toMatchObject({ as_of: '2011-09-01', population: { active_within_days: 45 }, sufficiency: { warn_below: 500, refuse_below: 50 } });
    expect(instanceConfigSchema.parse(base)).toMatchObject({ profiles: null, exclusions: [], custom_events: [], as_of: null, population: { active_within_days: 45, include: [], exclude: [] } });
  });

  it('names the offending node of a malformed tree', () => {
    const nested = { ...base, goal: { ...base.goal, conditions: [{ field: 'a', op: 'exists' }, { match: 'any', conditions: [{ field: 'b', op: 'in', value: 'x' }] }] } };
    expect(firstIssue(instanceConfigSchema.safeParse(nested))).toBe('goal.conditions.1.conditions.0.value: "in" takes a non-empty list of values');
    const extraKey = { ...base, goal: { ...base.goal, conditions: [{ match: 'all', conditions: [], sql: 'DROP' }] } };
    expect(firstIssue(instanceConfigSchema.safeParse(extraKey))).toBe('goal.conditions.0: a group has only "match" and "conditions", not "sql"');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, goal: { ...base.goal, conditions: ['DROP TABLE x'] } }))).toBe(
      'goal.conditions.0: a condition is {field, op, value} and a group is {match, conditions}',
    );
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, exclusions: [{ field: 'a', op: 'eq', value: 'x'.repeat(1001) }] }))).toBe('exclusions.0.value: a value is at most 1000 characters');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, exclusions: [{ field: 'a', op: 'exists', value: 'x' }] }))).toBe('exclusions.0.value: "exists" takes no value');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, exclusions: [{ field: 'a', op: 'eq', value: { $ne: 1 } }] }))).toBe('exclusions.0.value: a value is text, a number or true/false');
  });

  it('limits nesting depth and tree size', () => {
    let deep: unknown = { field: 'a', op: 'exists' };
    for (let level = 0; level <= MAX_GROUP_DEPTH; level += 1) deep = { match: 'all', conditions: [deep] };
    expect(firstIssue(conditionListSchema.safeParse([deep]))).toMatch(/groups nest at most 6 deep/);
    const wide = Array.from({ length: MAX_CONDITIONS_PER_TREE + 1 }, () => ({ field: 'a', op: 'exists' }));
    expect(firstIssue(conditionListSchema.safeParse(wide))).toMatch(/at most 500 conditions/);
  });

  it('checks dates, windows, names and limits', () => {
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, as_of: '2011-02-29' }))).toMatch(/^as_of: a date is YYYY-MM-DD/);
    expect(instanceConfigSchema.parse({ ...base, as_of: '2012-02-29T23:59:59' }).as_of).toBe('2012-02-29T23:59:59');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, goal: { ...base.goal, window_days: 1.5 } }))).toBe('goal.window_days: window_days is a whole number of days');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, custom_events: [{ name: 'X', conditions: [] }, { name: 'x', conditions: [] }] }))).toBe(
      'custom_events.1.name: the custom event name "x" is used twice',
    );
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, sufficiency: { warn_below: 10, refuse_below: 20 } }))).toBe('sufficiency.refuse_below: refuse_below cannot exceed warn_below');
    expect(firstIssue(instanceConfigSchema.safeParse({ ...base, population: { active_within_days: 0 } }))).toBe('population.active_within_days: active_within_days is at least 1 day');
  });
});
