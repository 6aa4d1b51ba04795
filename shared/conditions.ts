import { z } from 'zod';

/**
 * Condition trees: what the goal, the population filters, custom events and exclusions are made of.
 * The schema checks the tree's shape; which fields exist and which operators fit their types is checked
 * against the dataset's catalog when the tree is compiled to SQL.
 */

export const fieldTypeSchema = z.enum(['text', 'number', 'time', 'boolean']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

export const conditionOperatorSchema = z.enum([
  'eq',
  'ne',
  'in',
  'not_in',
  'starts_with',
  'not_starts_with',
  'contains',
  'contains_any_case',
  'exists',
  'not_exists',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
]);
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

export const matchSchema = z.enum(['all', 'any']);
export type Match = z.infer<typeof matchSchema>;

/** The operators offered, and accepted, for each field type. */
export const operatorsByFieldType: Readonly<Record<FieldType, readonly ConditionOperator[]>> = {
  text: ['eq', 'ne', 'in', 'not_in', 'starts_with', 'not_starts_with', 'contains', 'contains_any_case', 'exists', 'not_exists'],
  number: ['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'not_exists'],
  time: ['gt', 'gte', 'lt', 'lte', 'between', 'exists', 'not_exists'],
  boolean: ['eq', 'ne', 'exists', 'not_exists'],
};

export const operatorLabels: Readonly<Record<ConditionOperator, string>> = {
  eq: 'equals',
  ne: 'does not equal',
  in: 'is one of',
  not_in: 'is none of',
  starts_with: 'starts with',
  not_starts_with: 'does not start with',
  contains: 'contains',
  contains_any_case: 'contains, any case',
  exists: 'has a value',
  not_exists: 'has no value',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  between: 'is between',
};

/** What an operator's value looks like: nothing, one value, a list, or a [low, high] pair. */
export type ValueShape = 'none' | 'one' | 'list' | 'range';

export function valueShape(op: ConditionOperator): ValueShape {
  if (op === 'exists' || op === 'not_exists') return 'none';
  if (op === 'in' || op === 'not_in') return 'list';
  if (op === 'between') return 'range';
  return 'one';
}

export const MAX_VALUE_LENGTH = 1000;
export const MAX_FIELD_NAME_LENGTH = 300;
export const MAX_LIST_VALUES = 1000;
export const MAX_GROUP_DEPTH = 6;
export const MAX_CONDITIONS_PER_TREE = 500;

export type ConditionValue = string | number | boolean;

export interface FieldCondition {
  field: string;
  op: ConditionOperator;
  /** Absent for exists / not_exists; a list for in / not_in; [low, high] for between. */
  value?: ConditionValue | ConditionValue[] | null;
}

export interface ConditionGroup {
  match: Match;
  conditions: ConditionNode[];
}

export type ConditionNode = FieldCondition | ConditionGroup;

export function isConditionGroup(node: ConditionNode): node is ConditionGroup {
  return 'match' in node;
}

const scalarValueSchema = z.union(
  [
    z
      .string()
      .max(MAX_VALUE_LENGTH, `a value is at most ${MAX_VALUE_LENGTH} characters`)
      .refine((text) => !text.includes('\u0000'), 'a value cannot contain the NUL character'),
    z.number().refine(Number.isFinite, 'a number must be finite'),
    z.boolean(),
  ],
  { error: 'a value is text, a number or true/false' },
);

const fieldConditionSchema = z
  .strictObject({
    field: z
      .string({ error: 'the field is the name of a column' })
      .min(1, 'the field is required')
      .max(MAX_FIELD_NAME_LENGTH, `a field name is at most ${MAX_FIELD_NAME_LENGTH} characters`),
    op: conditionOperatorSchema,
    value: z.custom<ConditionValue | ConditionValue[] | null>().optional(),
  })
  .superRefine((condition, ctx) => {
    const shape = valueShape(condition.op);
    const value: unknown = condition.value;
    const fail = (message: string, path: Array<string | number> = ['value']) => ctx.addIssue({ code: 'custom', message, path });
    const checkScalar = (item: unknown, path: Array<string | number>) => {
      const parsed = scalarValueSchema.safeParse(item);
      if (!parsed.success) fail(parsed.error.issues[0]?.message ?? 'a value is text, a number or true/false', path);
    };
    if (shape === 'none') {
      if (value !== undefined && value !== null) fail(`"${condition.op}" takes no value`);
    } else if (shape === 'one') {
      if (value === undefined || value === null || Array.isArray(value)) fail(`"${condition.op}" takes one value`);
      else if ((condition.op === 'starts_with' || condition.op === 'not_starts_with' || condition.op === 'contains' || condition.op === 'contains_any_case') && (typeof value !== 'string' || value.length === 0)) {
        fail(`"${condition.op}" takes a non-empty text value`);
      } else checkScalar(value, ['value']);
    } else if (shape === 'list') {
      if (!Array.isArray(value) || value.length === 0) fail(`"${condition.op}" takes a non-empty list of values`);
      else if (value.length > MAX_LIST_VALUES) fail(`"${condition.op}" takes at most ${MAX_LIST_VALUES} values`);
      else value.forEach((item, index) => checkScalar(item, ['value', index]));
    } else if (!Array.isArray(value) || value.length !== 2) {
      fail('"between" takes two values: [low, high]');
    } else value.forEach((item, index) => checkScalar(item, ['value', index]));
  });

interface TreeIssue {
  path: Array<string | number>;
  message: string;
}

/** Checks one node and everything under it, collecting issues with their paths (the first is reported). */
function checkNode(value: unknown, path: Array<string | number>, depth: number, budget: { nodes: number }, issues: TreeIssue[]): void {
  budget.nodes += 1;
  if (budget.nodes > MAX_CONDITIONS_PER_TREE) {
    if (budget.nodes === MAX_CONDITIONS_PER_TREE + 1) issues.push({ path, message: `a condition tree holds at most ${MAX_CONDITIONS_PER_TREE} conditions` });
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path, message: 'a condition is {field, op, value} and a group is {match, conditions}' });
    return;
  }
  if ('match' in value || 'conditions' in value) {
    checkGroup(value, path, depth, budget, issues);
    return;
  }
  const parsed = fieldConditionSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.push({ path: [...path, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))], message: issue.message });
  }
}

function checkGroup(value: object, path: Array<string | number>, depth: number, budget: { nodes: number }, issues: TreeIssue[]): void {
  if (depth > MAX_GROUP_DEPTH) {
    issues.push({ path, message: `groups nest at most ${MAX_GROUP_DEPTH} deep` });
    return;
  }
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => key !== 'match' && key !== 'conditions');
  if (extra.length > 0) issues.push({ path, message: `a group has only "match" and "conditions", not ${extra.map((key) => `"${key}"`).join(', ')}` });
  if (!matchSchema.safeParse(record['match']).success) issues.push({ path: [...path, 'match'], message: 'match is "all" or "any"' });
  checkList(record['conditions'], [...path, 'conditions'], depth, budget, issues);
}

function checkList(value: unknown, path: Array<string | number>, depth: number, budget: { nodes: number }, issues: TreeIssue[]): void {
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'conditions is a list' });
    return;
  }
  value.forEach((child, index) => checkNode(child, [...path, index], depth + 1, budget, issues));
}

/** A list of conditions and groups (the body of a group); at most 500 conditions and 6 levels of groups. */
export const conditionListSchema = z.custom<ConditionNode[]>().superRefine((value, ctx) => {
  const issues: TreeIssue[] = [];
  checkList(value, [], 0, { nodes: 0 }, issues);
  for (const issue of issues.slice(0, 1)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** One condition or group. */
export const conditionNodeSchema = z.custom<ConditionNode>().superRefine((value, ctx) => {
  const issues: TreeIssue[] = [];
  checkNode(value, [], 0, { nodes: 0 }, issues);
  for (const issue of issues.slice(0, 1)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** Reads the path of an issue the way the UI and error messages show it: `goal.conditions.1.value`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}
