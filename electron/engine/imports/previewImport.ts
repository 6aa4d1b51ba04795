import type { ImportPreview, ImportSource } from '../../../shared/contract/imports';
import { Database, usedParams } from '../sql/database';
import { suggestMapping } from './mappingSuggestion';
import { toPreviewCell } from './previewCells';
import { explainReadError } from './readErrors';
import { openSource, sampleOf, type SourceRelation } from './sourceRelation';
import { detectTimeFormats } from './timeParsing';

export const PREVIEW_ROWS = 100;

/**
 * The source's first rows with detected types and a suggested mapping, read in a scratch in-memory database.
 * The suggested id and time columns are shown as the import will read them: as text, parsed by the importer.
 */
export async function previewImport(source: ImportSource): Promise<ImportPreview> {
  const db = await Database.open(':memory:');
  try {
    const detected = await openSource(db, source, { dialect: true });
    const first = suggestMapping(columnsOf(detected), await firstRows(db, detected));
    const mapped = [first.idColumn, first.timeColumn].filter((name): name is string => name !== null);
    const relation = detected.format === 'csv' && mapped.length > 0 ? await openSource(db, source, { textColumns: new Set(mapped), dialect: true }) : detected;
    const rows = relation === detected ? await firstRows(db, detected) : await firstRows(db, relation);
    const columns = columnsOf(relation);
    const suggestion = suggestMapping(columns, rows);
    const timeColumn = relation.columns.find((column) => column.name === suggestion.timeColumn);
    const timeFormats = timeColumn ? (await detectTimeFormats(db, await sampleOf(db, relation), timeColumn)).formats : [];
    return {
      format: relation.format,
      files: relation.files,
      delimiter: relation.delimiter,
      header: relation.header,
      // The time column is shown as what it becomes once a single format reads it.
      columns: columns.map((column) =>
        column.name === suggestion.timeColumn && column.kind === 'text' && timeFormats.length === 1 ? { ...column, type: 'TIMESTAMP', kind: 'time' as const } : column,
      ),
      rows,
      suggestion: { ...suggestion, timeFormats },
      warnings: relation.warnings,
    };
  } finally {
    db.close();
  }
}

function columnsOf(relation: SourceRelation) {
  return relation.columns.map(({ name, type, kind }) => ({ name, type, kind }));
}

async function firstRows(db: Database, relation: SourceRelation) {
  const select = relation.columns.map((column) => column.expr).join(', ');
  try {
    const reader = await db.connection.runAndReadAll(`SELECT ${select} FROM ${relation.from} LIMIT ${PREVIEW_ROWS}`, usedParams(relation.from, relation.params));
    return reader.getRowsJS().map((row) => row.map(toPreviewCell));
  } catch (error) {
    throw await explainReadError(error, relation.files.map((file) => file.path), relation.format);
  }
}
