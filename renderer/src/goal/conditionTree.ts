import {
  isConditionGroup,
  operatorsByFieldType,
  valueShape,
  type ConditionGroup,
  type ConditionNode,
  type ConditionOperator,
  type ConditionValue,
  type FieldCondition,
  type FieldType,
} from '../../../shared/conditions';
import type { FieldInfo } from '../../../shared/contract/instances';

/** Pure edits of a condition list, as the builder makes them; every edit returns a new list. */

export function replaceAt(nodes: readonly ConditionNode[], index: number, node: ConditionNode): ConditionNode[] {
  return nodes.map((existing, position) => (position === index ? node : existing));
}

export function removeAt(nodes: readonly ConditionNode[], index: number): ConditionNode[] {
  return nodes.filter((_, position) => position !== index);
}

/** Moves the node at `from` so that it ends up at index `to` (clamped to the list). */
export function moveNode(nodes: readonly ConditionNode[], from: number, to: number): ConditionNode[] {
  const target = Math.max(0, Math.min(nodes.length - 1, to));
  if (from === target || from < 0 || from >= nodes.length) return [...nodes];
  const next = [...nodes];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** A new condition on the event-type column when there is one (the usual first choice), else the first field. */
export function newCondition(fields: readonly FieldInfo[]): FieldCondition {
  const field = fields.find((candidate) => candidate.role === 'event_type') ?? fields.find((candidate) => candidate.role === 'attribute') ?? fields[0];
  if (!field) return { field: '', op: 'exists' };
  return withField({ field: field.name, op: 'eq' }, field);
}

export function newGroup(match: ConditionGroup['match'] = 'any'): ConditionGroup {
  return { match, conditions: [] };
}

/** A value of the right shape for the operator, carried over from the old one where it fits. */
export function valueFor(op: ConditionOperator, type: FieldType, previous: FieldCondition['value']): FieldCondition['value'] {
  const shape = valueShape(op);
  const first = Array.isArray(previous) ? previous[0] : previous;
  const fits = (value: ConditionValue | null | undefined): value is ConditionValue =>
    value !== null && value !== undefined && (type === 'number' ? typeof value === 'number' : type === 'boolean' ? typeof value === 'boolean' : typeof value === 'string');
  if (shape === 'none') return undefined;
  // An empty text value is a blank input, not a value to carry into a list.
  const kept = (value: ConditionValue | null | undefined): value is ConditionValue => fits(value) && value !== '';
  if (shape === 'list') return Array.isArray(previous) ? previous.filter(kept) : kept(first) ? [first] : [];
  if (shape === 'range') {
    const [low, high] = Array.isArray(previous) ? previous : [first, undefined];
    return [fits(low) ? low : blank(type), fits(high) ? high : blank(type)];
  }
  return fits(first) ? first : blank(type);
}

function blank(type: FieldType): ConditionValue {
  if (type === 'number') return 0;
  if (type === 'boolean') return true;
  return '';
}

/** Picks a field: keeps the operator when the new type accepts it, else its first; resets the value to fit. */
export function withField(condition: FieldCondition, field: FieldInfo): FieldCondition {
  const operators = operatorsByFieldType[field.type];
  const op = operators.includes(condition.op) ? condition.op : operators[0]!;
  const sameType = condition.field !== '' && condition.field === field.name;
  return stripUndefined({ field: field.name, op, value: valueFor(op, field.type, sameType ? condition.value : undefined) });
}

export function withOperator(condition: FieldCondition, op: ConditionOperator, type: FieldType): FieldCondition {
  return stripUndefined({ field: condition.field, op, value: valueFor(op, type, condition.value) });
}

function stripUndefined(condition: FieldCondition): FieldCondition {
  return condition.value === undefined ? { field: condition.field, op: condition.op } : condition;
}

/** How many levels of groups lie under a node (a condition: 0). */
export function groupDepth(node: ConditionNode): number {
  return isConditionGroup(node) ? 1 + Math.max(0, ...node.conditions.map(groupDepth)) : 0;
}
