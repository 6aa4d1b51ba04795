import type { ImportPreview, ImportSource } from '../../../shared/contract/imports';
import { Database, usedParams } from '../sql/database';
import { suggestMapping } from './mappingSuggestion';
import { toPreviewCell } from './previewCells';
import { translateReadError } from './readErrors';
import { openSource } from './sourceRelation';
import { detectTimeFormats } from './timeParsing';

export const PREVIEW_ROWS = 100;

/** The source's first rows with detected types and a suggested mapping, read in a scratch in-memory database. */
export async function previewImport(source: ImportSource): Promise<ImportPreview> {
  const db = await Database.open(':memory:');
  try {
    const relation = await openSource(db, source);
    const select = relation.columns.map((column) => column.expr).join(', ');
    let rows;
    try {
      const reader = await db.connection.runAndReadAll(`SELECT ${select} FROM ${relation.from} LIMIT ${PREVIEW_ROWS}`, usedParams(relation.from, relation.params));
      rows = reader.getRowsJS().map((row) => row.map(toPreviewCell));
    } catch (error) {
      throw translateReadError(error, relation.files.map((file) => file.path).join(', '), relation.format);
    }
    const columns = relation.columns.map(({ name, type, kind }) => ({ name, type, kind }));
    const suggestion = suggestMapping(columns, rows);
    const timeColumn = relation.columns.find((column) => column.name === suggestion.timeColumn);
    const timeFormats = timeColumn ? (await detectTimeFormats(db, relation, timeColumn)).formats : [];
    return {
      format: relation.format,
      files: relation.files,
      delimiter: relation.delimiter,
      header: relation.header,
      columns,
      rows,
      suggestion: { ...suggestion, timeFormats },
      warnings: relation.warnings,
    };
  } finally {
    db.close();
  }
}
