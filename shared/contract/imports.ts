import { z } from 'zod';
import { datasetKindSchema } from './datasets';

/** File formats the importer reads; `csv` covers TSV and other delimiters, `json` covers NDJSON. */
export const fileFormatSchema = z.enum(['csv', 'parquet', 'json']);
export type FileFormat = z.infer<typeof fileFormatSchema>;

export const datasetNameSchema = z
  .string()
  .trim()
  .min(1, 'a dataset name is required')
  .max(120, 'the name is too long (120 characters at most)');

const columnNameSchema = z.string().min(1, 'a column name is required').max(1000);

/** Where the rows come from: one or more files (or glob patterns) read as one dataset. */
export const importSourceSchema = z.strictObject({
  files: z.array(z.string().trim().min(1, 'a file path is required').max(4096)).min(1, 'at least one file is required').max(1000),
  /** Detected from the file name and content when omitted. */
  format: fileFormatSchema.optional(),
  /** CSV only: a single character; detected when omitted. */
  delimiter: z.string().length(1, 'the delimiter is one character').optional(),
  /** CSV only: whether the first line names the columns; detected when omitted. */
  header: z.boolean().optional(),
});
export type ImportSource = z.infer<typeof importSourceSchema>;

/** How the source's columns become a dataset. */
export const importMappingSchema = z.strictObject({
  name: datasetNameSchema,
  kind: datasetKindSchema,
  idColumn: columnNameSchema,
  /** Required for events, ignored for profiles. */
  timeColumn: columnNameSchema.nullable().default(null),
  /** strptime format such as `%d/%m/%Y %H:%M`, or `ISO 8601` for times DuckDB reads as they are; detected when null. */
  timeFormat: z.string().min(2).max(100).nullable().default(null),
  /** Zone that times carrying an offset are converted to (stored times are wall-clock); UTC when null. */
  timeZone: z.string().min(1).max(64).nullable().default(null),
  eventTypeColumn: columnNameSchema.nullable().default(null),
  /** Normalise ids that are numbers (`17850.0`, `017850` → `17850`); off by default, ids stay text. */
  numericIds: z.boolean().default(false),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** What a column holds, in words the UI shows; `type` is the DuckDB type. */
export const columnKindSchema = z.enum(['text', 'number', 'time', 'boolean', 'other']);
export type ColumnKind = z.infer<typeof columnKindSchema>;

export const sourceColumnSchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: columnKindSchema,
});
export type SourceColumn = z.infer<typeof sourceColumnSchema>;

export const previewCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importSuggestionSchema = z.object({
  kind: datasetKindSchema,
  idColumn: z.string().nullable(),
  timeColumn: z.string().nullable(),
  eventTypeColumn: z.string().nullable(),
  numericIds: z.boolean(),
  /** Formats (strptime, or `ISO 8601`) that read the most sampled values of the suggested time column; more than one means the user must choose. */
  timeFormats: z.array(z.string()),
});
export type ImportSuggestion = z.infer<typeof importSuggestionSchema>;

export const importWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  column: z.string().optional(),
  count: z.number().int().nonnegative().optional(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const sourceFileSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });

export const importPreviewSchema = z.object({
  format: fileFormatSchema,
  files: z.array(sourceFileSchema),
  /** CSV dialect as detected (or as given). */
  delimiter: z.string().nullable(),
  header: z.boolean().nullable(),
  columns: z.array(sourceColumnSchema),
  /** The first rows (at most 100), one array of cells per row in column order. */
  rows: z.array(z.array(previewCellSchema)),
  suggestion: importSuggestionSchema,
  warnings: z.array(importWarningSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Why a source row did not become a dataset row. */
export const rejectReasonSchema = z.enum([
  'null_id',
  'null_time',
  'unparsable_time',
  'duplicate_id',
  'malformed_row',
  'unconvertible_value',
  'invalid_utf8',
  'line_too_long',
]);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

export const columnQualitySchema = z.object({
  name: z.string(),
  type: z.string(),
  kind: columnKindSchema,
  nonNull: z.number().int().nonnegative(),
  /** Share of imported rows with a value, 0–1. */
  completeness: z.number().min(0).max(1),
});
export type ColumnQuality = z.infer<typeof columnQualitySchema>;

/** The data-quality report stored with each dataset. */
export const qualityReportSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  rowsImported: z.number().int().nonnegative(),
  rowsRejected: z.partialRecord(rejectReasonSchema, z.number().int().positive()),
  /** A few rejected rows per reason, to show the user what went wrong. */
  rejectSamples: z.array(z.object({ reason: rejectReasonSchema, line: z.number().int().nullable(), detail: z.string() })),
  customers: z.number().int().nonnegative(),
  /** ISO 8601 wall-clock times; null for profiles. */
  minTime: z.string().nullable(),
  maxTime: z.string().nullable(),
  /** Rows identical to an earlier row in every column (kept, reported). */
  duplicateRows: z.number().int().nonnegative(),
  /** Rows timed after the moment of import. */
  futureRows: z.number().int().nonnegative(),
  /** Rows per calendar month (YYYY-MM), events only. */
  eventsPerMonth: z.array(z.object({ month: z.string(), events: z.number().int().nonnegative() })),
  /** Rows per event type, most frequent first (top 50), when an event-type column is mapped. */
  eventsPerType: z.array(z.object({ type: z.string().nullable(), events: z.number().int().nonnegative() })),
  columns: z.array(columnQualitySchema),
  warnings: z.array(importWarningSchema),
  timeFormat: z.string().nullable(),
  sources: z.array(sourceFileSchema),
  format: fileFormatSchema.nullable(),
  importedAt: z.string(),
  durationMs: z.number().nonnegative(),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;

/** What the browser host answers to an upload: where the uploaded file now lives on this machine. */
export const uploadResultSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });
export type UploadResult = z.infer<typeof uploadResultSchema>;
