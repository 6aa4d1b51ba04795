import type { ImportMapping } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { SourceRelation } from './sourceRelation';

const LIKELY_DELIMITERS = [',', ';', '\t', '|'];

/** Every mapped column must be in the source; when one is not, say which columns there are (and suspect the delimiter). */
export function checkMappedColumns(relation: SourceRelation, mapping: ImportMapping): void {
  const names = relation.columns.map((column) => column.name);
  const mapped: Array<[string, string | null]> = [
    ['mapping.idColumn', mapping.idColumn],
    ['mapping.timeColumn', mapping.kind === 'events' ? mapping.timeColumn : null],
    ['mapping.eventTypeColumn', mapping.eventTypeColumn],
  ];
  for (const [field, column] of mapped) {
    if (column === null || names.includes(column)) continue;
    const file = relation.files.map((entry) => entry.path.split('/').pop()).join(', ');
    const only = names[0] ?? '';
    if (relation.format === 'csv' && names.length === 1) {
      const delimiter = LIKELY_DELIMITERS.find((candidate) => only.includes(candidate));
      if (delimiter !== undefined) {
        throw new WorkbenchError(
          'invalid_input',
          `Column "${column}" is not in ${file}: it was read as one single column named "${truncate(only)}". Its delimiter looks like ${describe(delimiter)}; choose that delimiter.`,
          'source.delimiter',
        );
      }
    }
    const listed = names.slice(0, 30).map((name) => `"${truncate(name)}"`).join(', ');
    throw new WorkbenchError(
      'invalid_input',
      `Column "${column}" is not in ${file}. Its columns are: ${listed}${names.length > 30 ? `, and ${names.length - 30} more` : ''}.`,
      field,
    );
  }
  if (mapping.timeColumn !== null && mapping.kind === 'events' && mapping.timeColumn === mapping.idColumn) {
    throw new WorkbenchError('invalid_input', 'The id column and the time column must be different columns.', 'mapping.timeColumn');
  }
}

function describe(delimiter: string): string {
  return delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
