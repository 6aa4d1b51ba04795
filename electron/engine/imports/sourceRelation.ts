import { basename } from 'node:path';
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { FileFormat, ImportSource, ImportWarning } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import { columnKind } from './columnKinds';
import { flattenColumns, type FlatColumn } from './flattenColumns';
import { quoteIdentifier } from '../sql/quote';
import { explainReadError, MAX_LINE_BYTES } from './readErrors';
import { filesValue, resolveSourceFiles, textHead, type SourceFile } from './sourceFiles';

export interface RelationColumn extends FlatColumn {
  kind: ReturnType<typeof columnKind>;
}

/** A source as something SQL can select from: a table-function call with named bound values, and its flattened columns. */
export interface SourceRelation {
  format: FileFormat;
  files: SourceFile[];
  delimiter: string | null;
  header: boolean | null;
  from: string;
  /**
   * CSV only: the same read without DuckDB recording unparsable lines, which costs a seventh of the read. It fails on
   * the first bad line instead, so it is tried first and the recording read is the fallback.
   */
  strictFrom: string | null;
  /** How the sample is read: for CSV one thread, which reads only the file's start (a parallel read parses whole buffers). */
  sampleFrom: string;
  params: Record<string, DuckDBValue>;
  columns: RelationColumn[];
  /** CSV only: the temporary table where DuckDB records the lines it could not parse. */
  rejectsTable: string | null;
  /** CSV only: each column's type as DuckDB detected it, before any is read as text. */
  detectedTypes: string[] | null;
  warnings: ImportWarning[];
}

export interface OpenOptions {
  /** Names for the rejects tables; a fresh pair per read, so reads never mix their rejects. */
  rejectsTable?: string;
  /** Also ask the CSV sniffer for the delimiter and header, to show them (the import itself does not need them). */
  dialect?: boolean;
}

export const SAMPLE_ROWS = 5000;

/**
 * The source's first rows copied into a temporary table, presented as a relation over the same columns: detection
 * (time formats, numbers written as text) reads the file once instead of once per question.
 */
export async function sampleOf(db: Database, relation: SourceRelation): Promise<SourceRelation> {
  const name = `pwb_sample_${Math.random().toString(36).slice(2, 10)}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(name)} AS SELECT * FROM ${relation.sampleFrom} LIMIT ${SAMPLE_ROWS}`, relation.params);
  const table = quoteIdentifier(name);
  return { ...relation, from: table, strictFrom: null, sampleFrom: table, params: {}, rejectsTable: null };
}

/** The same CSV source with some columns read as text instead of their detected type; other sources as they are. */
export function withTextColumns(relation: SourceRelation, textColumns: ReadonlySet<string>): SourceRelation {
  if (relation.detectedTypes === null) return relation;
  const types = relation.columns.map((column, index) => (textColumns.has(column.name) ? 'VARCHAR' : (relation.detectedTypes?.[index] ?? column.type)));
  return {
    ...relation,
    params: { ...relation.params, types: listValue(types) },
    columns: relation.columns.map((column, index) => {
      const type = types[index] ?? 'VARCHAR';
      return { ...column, type, kind: columnKind(type) };
    }),
  };
}

/** Opens a source as a relation; CSV columns to be read as text (the id, the time) are set with `withTextColumns`. */
export async function openSource(db: Database, source: ImportSource, options: OpenOptions = {}): Promise<SourceRelation> {
  const { format, files } = await resolveSourceFiles(db, source);
  try {
    if (format === 'csv') return await openCsv(db, source, files, options);
    return await openNested(db, format, files);
  } catch (error) {
    throw await explainReadError(error, files.map((file) => file.path), format);
  }
}

async function openCsv(db: Database, source: ImportSource, files: SourceFile[], options: OpenOptions): Promise<SourceRelation> {
  const rejectsTable = options.rejectsTable ?? `pwb_rejects_${Math.random().toString(36).slice(2, 10)}`;
  const params: Record<string, DuckDBValue> = {
    files: filesValue(files),
    rejects_table: rejectsTable,
    rejects_scan: `${rejectsTable}_scan`,
    max_line_size: MAX_LINE_BYTES,
  };
  const dialect: string[] = [];
  if (source.delimiter !== undefined) {
    params['delim'] = source.delimiter;
    dialect.push('delim=$delim');
  }
  if (source.header !== undefined) {
    params['header'] = source.header;
    dialect.push('header=$header');
  }
  const baseArgs = ['$files', ...dialect, 'store_rejects=true', 'rejects_table=$rejects_table', 'rejects_scan=$rejects_scan', 'max_line_size=$max_line_size'];
  const detected = await db.describe(`FROM read_csv(${baseArgs.join(', ')})`, params);
  const warnings: ImportWarning[] = [];
  const renamed = detected.filter((column) => /_\d+$/.test(column.name) && detected.some((other) => other.name === column.name.replace(/_\d+$/, '')));
  if (renamed.length > 0) {
    warnings.push({
      code: 'DUPLICATE_COLUMN_NAMES',
      message: `Some column names appear more than once; the repeats were renamed: ${renamed.map((column) => column.name).join(', ')}.`,
      count: renamed.length,
    });
  }
  const detectedTypes = detected.map((column) => column.type.toString());
  params['types'] = listValue(detectedTypes);
  const columns = detected.map((column, index) => {
    const type = detectedTypes[index] ?? 'VARCHAR';
    return { name: column.name, expr: quoteIdentifier(column.name), type, kind: columnKind(type) };
  });
  const sniffed = options.dialect ? await sniffDialect(db, files[0]?.path ?? '', source, detected.length) : { delimiter: null, header: source.header ?? null };
  return {
    format: 'csv',
    files,
    delimiter: source.delimiter ?? sniffed.delimiter,
    header: source.header ?? sniffed.header,
    from: `read_csv(${[...baseArgs, 'types=$types'].join(', ')})`,
    strictFrom: `read_csv(${['$files', ...dialect, 'max_line_size=$max_line_size', 'types=$types'].join(', ')})`,
    sampleFrom: `read_csv(${[...baseArgs, 'types=$types', 'parallel=false'].join(', ')})`,
    params,
    columns,
    rejectsTable,
    detectedTypes,
    warnings,
  };
}

/** The delimiter and header as DuckDB's sniffer sees them, when its reading agrees with the columns found. */
async function sniffDialect(db: Database, path: string, source: ImportSource, columnCount: number): Promise<{ delimiter: string | null; header: boolean | null }> {
  try {
    const row = await db.one('SELECT Delimiter AS delimiter, HasHeader AS header, len(Columns) AS columns FROM sniff_csv($path, strict_mode=false)', { path });
    if (!row || Number(row['columns']) !== columnCount) return { delimiter: null, header: source.header ?? null };
    return { delimiter: String(row['delimiter']), header: Boolean(row['header']) };
  } catch {
    return { delimiter: null, header: source.header ?? null };
  }
}

async function openNested(db: Database, format: 'parquet' | 'json', files: SourceFile[]): Promise<SourceRelation> {
  const params: Record<string, DuckDBValue> = { files: filesValue(files) };
  const from = format === 'parquet' ? 'read_parquet($files)' : `read_json($files, format='auto', sample_size=-1)`;
  const detected = await db.describe(`FROM ${from}`, params);
  if (format === 'json' && detected.length === 1 && detected[0]?.name === 'json') throw notRecords(files);
  const columns = flattenColumns(detected).map((column) => ({ ...column, kind: columnKind(column.type) }));
  return { format, files, delimiter: null, header: null, from, strictFrom: null, sampleFrom: from, params, columns, rejectsTable: null, detectedTypes: null, warnings: [] };
}

/** DuckDB reads JSON that is not a list of objects as one column named `json`: say what the file holds instead. */
function notRecords(files: SourceFile[]): WorkbenchError {
  const file = files[0]?.path ?? '';
  const text = textHead(file).trim();
  const name = basename(file);
  if (/^\[\s*\]$/.test(text)) return new WorkbenchError('invalid_input', `${name} is an empty list: it has no records, so no data rows.`, 'source.files');
  return new WorkbenchError('invalid_input', `${name} holds a single value (${text.slice(0, 40)}), not records: each row must be a JSON object such as {"customer_id": "c1", …}.`, 'source.files');
}
