import type { ImportPreview, ImportSource, ImportWarning } from '../../../shared/contract/imports';
import { Database, usedParams } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import { suggestMapping } from './mappingSuggestion';
import { readParseRejects, type ParseRejects } from './parseRejects';
import { toPreviewCell } from './previewCells';
import { explainReadError } from './readErrors';
import { openSource, withTextColumns, type SourceRelation } from './sourceRelation';
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
    const detectedRows = await firstRows(db, detected);
    const first = suggestMapping(columnsOf(detected), detectedRows);
    const mapped = [first.idColumn, first.timeColumn].filter((name): name is string => name !== null);
    const relation = detected.format === 'csv' && mapped.length > 0 ? withTextColumns(detected, new Set(mapped)) : detected;
    const rows = relation === detected ? detectedRows : await firstRows(db, relation);
    const columns = columnsOf(relation);
    const suggestion = suggestMapping(columns, rows);
    const timeColumn = relation.columns.find((column) => column.name === suggestion.timeColumn);
    // Read from the file's start by one thread rather than a copied sample, which for a wide file would copy every column.
    const timeFormats = timeColumn ? (await detectTimeFormats(db, { ...relation, from: relation.sampleFrom }, timeColumn)).formats : [];
    const rejects = await readParseRejects(db, relation.rejectsTable);
    const dialect = relation.delimiter === null ? await dialectFromRejectScans(db, relation) : null;
    return {
      format: relation.format,
      files: relation.files,
      delimiter: relation.delimiter ?? dialect?.delimiter ?? null,
      header: relation.header ?? dialect?.header ?? null,
      // The time column is shown as what it becomes once a single format reads it.
      columns: columns.map((column) =>
        column.name === suggestion.timeColumn && column.kind === 'text' && timeFormats.length === 1 ? { ...column, type: 'TIMESTAMP', kind: 'time' as const } : column,
      ),
      rows,
      suggestion: { ...suggestion, timeFormats },
      warnings: [...relation.warnings, ...unparsedLineWarnings(rejects)],
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

/** Lines of the previewed stretch the CSV reader set aside; the import will reject them with these reasons. */
function unparsedLineWarnings(rejects: ParseRejects): ImportWarning[] {
  if (rejects.total === 0) return [];
  const first = rejects.samples[0];
  return [
    {
      code: 'UNPARSABLE_LINES',
      message: `${rejects.total} of the lines read for this preview could not be parsed and will be rejected${first ? ` (line ${first.line}: ${first.detail})` : ''}.`,
      count: rejects.total,
    },
  ];
}

/** When the sniffer could not tell the dialect, the reader's own record of it (kept when lines were set aside). */
async function dialectFromRejectScans(db: Database, relation: SourceRelation): Promise<{ delimiter: string; header: boolean } | null> {
  if (relation.rejectsTable === null) return null;
  const row = await db.one(`SELECT delimiter, has_header FROM ${quoteIdentifier(`${relation.rejectsTable}_scan`)} LIMIT 1`).catch(() => undefined);
  return row ? { delimiter: String(row['delimiter']), header: Boolean(row['has_header']) } : null;
}
