import {
  isConditionGroup,
  operatorLabels,
  valueShape,
  type ConditionNode,
  type ConditionValue,
  type FieldCondition,
  type Match,
} from '../../../shared/conditions';
import type { FieldInfo } from '../../../shared/contract/instances';
import { isValidLocalDateTime } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { quoteIdentifier } from '../sql/quote';
import type { FieldCatalog } from './fieldCatalog';
import type { SqlParameters } from './sqlParameters';

/**
 * Compiles condition trees to SQL boolean expressions over one dataset's rows.
 * Field names reach the SQL only when the catalog has them, through quoteIdentifier; every value is a bound parameter.
 * Negative operators (ne, not_in, not_starts_with) also match rows where the field is missing.
 * The result may be NULL for rows with missing values; callers wrap it in coalesce(…, false) where it decides.
 */
export function compileConditionList(nodes: readonly ConditionNode[], match: Match, catalog: FieldCatalog, params: SqlParameters, path: string): string {
  if (nodes.length === 0) return 'TRUE';
  const parts = nodes.map((node, index) => compileConditionNode(node, catalog, params, `${path}.${index}`));
  return parts.length === 1 ? parts[0]! : `(${parts.join(match === 'all' ? ' AND ' : ' OR ')})`;
}

export function compileConditionNode(node: ConditionNode, catalog: FieldCatalog, params: SqlParameters, path: string): string {
  if (isConditionGroup(node)) return compileConditionList(node.conditions, node.match, catalog, params, `${path}.conditions`);
  return compileFieldCondition(node, catalog, params, path);
}

function compileFieldCondition(condition: FieldCondition, catalog: FieldCatalog, params: SqlParameters, path: string): string {
  const field = catalog.fields.get(condition.field);
  if (!field) {
    const known = [...catalog.fields.keys()].slice(0, 12).map((name) => `"${name}"`).join(', ');
    throw invalid(`${path}.field`, `there is no field "${clip(condition.field)}" in ${catalog.source} (fields: ${known})`);
  }
  if (!field.operators.includes(condition.op)) {
    const allowed = field.operators.map((op) => `${op} (${operatorLabels[op]})`).join(', ');
    throw invalid(`${path}.op`, `"${condition.op}" does not apply to the ${field.type} field "${field.name}"; use one of ${allowed}`);
  }
  const column = field.sqlType === 'VARCHAR' || field.type !== 'text' ? quoteIdentifier(field.name) : `CAST(${quoteIdentifier(field.name)} AS VARCHAR)`;
  const shape = valueShape(condition.op);
  const values = shape === 'none' ? [] : Array.isArray(condition.value) ? condition.value : [condition.value ?? null];
  const bound = values.map((value, index) => bindValue(value, field, params, shape === 'one' ? `${path}.value` : `${path}.value.${index}`));

  switch (condition.op) {
    case 'exists':
      return `(${column} IS NOT NULL)`;
    case 'not_exists':
      return `(${column} IS NULL)`;
    case 'eq':
      return `(${column} = ${bound[0]})`;
    case 'ne':
      return `(${column} IS DISTINCT FROM ${bound[0]})`;
    case 'in':
      return `(${column} IN (${bound.join(', ')}))`;
    case 'not_in':
      return `(${column} IS NULL OR ${column} NOT IN (${bound.join(', ')}))`;
    case 'starts_with':
      return `starts_with(${column}, ${bound[0]})`;
    case 'not_starts_with':
      return `(${column} IS NULL OR NOT starts_with(${column}, ${bound[0]}))`;
    case 'contains':
      return `contains(${column}, ${bound[0]})`;
    case 'contains_any_case':
      return `contains(lower(${column}), lower(${bound[0]}))`;
    case 'gt':
      return `(${column} > ${bound[0]})`;
    case 'gte':
      return `(${column} >= ${bound[0]})`;
    case 'lt':
      return `(${column} < ${bound[0]})`;
    case 'lte':
      return `(${column} <= ${bound[0]})`;
    case 'between': {
      const [low, high] = values;
      if (compareValues(low, high, field) > 0) throw invalid(`${path}.value`, `"between" needs the low value first: ${String(low)} is above ${String(high)}`);
      return `(${column} BETWEEN ${bound[0]} AND ${bound[1]})`;
    }
  }
}

function bindValue(value: ConditionValue | null, field: FieldInfo, params: SqlParameters, path: string): string {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') throw invalid(path, `the text field "${field.name}" is compared with text, not ${describe(value)}`);
      return params.bind(value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, `the number field "${field.name}" is compared with a number, not ${describe(value)}`);
      return params.bindNumber(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(path, `the true/false field "${field.name}" is compared with true or false, not ${describe(value)}`);
      return params.bind(value);
    case 'time':
      if (typeof value !== 'string' || !isValidLocalDateTime(value)) {
        throw invalid(path, `the time field "${field.name}" is compared with a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS), not ${describe(value)}`);
      }
      return params.bindTime(value);
  }
}

function compareValues(low: ConditionValue | null | undefined, high: ConditionValue | null | undefined, field: FieldInfo): number {
  if (field.type === 'time' && typeof low === 'string' && typeof high === 'string') return Date.parse(normalizeTime(low)) - Date.parse(normalizeTime(high));
  if (typeof low === 'number' && typeof high === 'number') return low - high;
  return 0;
}

function normalizeTime(text: string): string {
  const withTime = text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T');
  return `${withTime}Z`;
}

function describe(value: ConditionValue | null): string {
  if (value === null) return 'nothing';
  if (typeof value === 'string') return `the text "${clip(value)}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** Keeps hostile or huge input readable in messages. */
function clip(text: string): string {
  const printable = text.replace(/\p{Cc}/gu, '?');
  return printable.length > 60 ? `${printable.slice(0, 57)}...` : printable;
}

function invalid(path: string, message: string): WorkbenchError {
  return new WorkbenchError('invalid_input', `${path}: ${message}.`, path);
}
