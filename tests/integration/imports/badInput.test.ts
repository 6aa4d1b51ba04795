import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importMappingSchema,
  importPreviewSchema,
  type ImportMappingInput,
  type ImportSource,
  type ImportWarning,
  type RejectReason,
} from '../../../shared/contract/imports';
import { WorkbenchError, type ErrorCode } from '../../../shared/errors';
import { importDataset } from '../../../electron/engine/imports/importDataset';
import { previewImport } from '../../../electron/engine/imports/previewImport';
import type { Database } from '../../../electron/engine/sql/database';
import { qualifiedName } from '../../../electron/engine/sql/quote';
import { Workspace } from '../../../electron/engine/workspace/workspaceFile';
import { quietControl } from '../../helpers/importFixture';

/** The broken-input corpus; tests/fixtures/bad/README.md describes every file. */
const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'bad');

interface ExpectedError {
  code: ErrorCode;
  field?: string;
  /** Every pattern must match the message. */
  message: RegExp[];
}

interface ExpectedImport {
  rowsRead: number;
  rowsImported: number;
  /** Exactly these reject reasons with exactly these counts. */
  rejected: Partial<Record<RejectReason, number>>;
  /** Exactly these warning codes; each listed warning must be among the report's warnings. */
  warningCodes: string[];
  warnings?: Array<Partial<ImportWarning>>;
  /** Kind of some columns in the report, by name (the names must come through exactly). */
  columns?: Record<string, string>;
  /** The import of a file this small must not take longer. */
  withinMs?: number;
}

interface BadInput {
  file: string;
  /** What is wrong with the file, in a few words (the test's title). */
  problem: string;
  source?: Omit<ImportSource, 'files'>;
  mapping?: Partial<ImportMappingInput>;
  /** Files sharing a cause may share a message; every other error message must be distinct. Defaults to the file name. */
  cause?: string;
  expect: { error: ExpectedError } | { imported: ExpectedImport };
}

const EVENTS: ImportMappingInput = { name: '', kind: 'events', idColumn: 'customer_id', timeColumn: 'event_time' };
const PROFILES: Partial<ImportMappingInput> = { kind: 'profiles', timeColumn: null };

const corpus: BadInput[] = [
  {
    file: 'empty.csv',
    problem: 'a 0-byte file',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^empty\.csv is empty \(0 bytes\)/] } },
  },
  {
    file: 'header-only.csv',
    problem: 'a header line and no rows',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^header-only\.csv has no data rows \(only a header line\)/] } },
  },
  {
    file: 'blank-lines.csv',
    problem: 'nothing but blank lines',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^blank-lines\.csv (has no data|holds only blank lines|is blank)/i] } },
  },
  {
    file: 'binary-junk.csv',
    problem: 'random bytes with NULs named .csv',
    cause: 'binary',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^binary-junk\.csv does not look like text/] } },
  },
  {
    file: 'image-renamed.csv',
    problem: 'a PNG image renamed .csv',
    cause: 'binary',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^image-renamed\.csv does not look like text/] } },
  },
  {
    file: 'utf16.csv',
    problem: 'UTF-16 text with a byte-order mark',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^utf16\.csv is UTF-16 text; save it as UTF-8/] } },
  },
  {
    file: 'semicolon-delimited.csv',
    problem: 'a semicolon file read with delimiter ","',
    source: { delimiter: ',' },
    expect: {
      error: {
        code: 'invalid_input',
        field: 'source.delimiter',
        message: [/read as one single column named "customer_id;event_time;event_type;amount"/, /delimiter looks like ";"/],
      },
    },
  },
  {
    file: 'html-page.csv',
    problem: 'a saved "404 Not Found" web page',
    expect: {
      error: { code: 'invalid_input', field: 'mapping.idColumn', message: [/^Column "customer_id" is not in html-page\.csv\. Its columns are: "<!DOCTYPE html>"/] },
    },
  },
  {
    file: 'missing-mapped-column.csv',
    problem: 'the mapped time column does not exist',
    mapping: { timeColumn: 'purchased_at' },
    expect: {
      error: {
        code: 'invalid_input',
        field: 'mapping.timeColumn',
        message: [/^Column "purchased_at" is not in missing-mapped-column\.csv\. Its columns are: "customer_id", "event_time", "event_type", "amount"\.$/],
      },
    },
  },
  {
    file: 'ragged-rows.csv',
    problem: 'two rows with 5 fields and one with 2, of 4 columns',
    expect: { imported: { rowsRead: 20, rowsImported: 17, rejected: { malformed_row: 3 }, warningCodes: [] } },
  },
  {
    file: 'unterminated-quote.csv',
    problem: 'quoted values, and a quote on line 7 that is never closed',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^unterminated-quote\.csv /, /quote/i, /line 7\b/] } },
  },
  {
    file: 'invalid-utf8.csv',
    problem: 'Latin-1 bytes on lines 11 and 21',
    expect: { imported: { rowsRead: 30, rowsImported: 28, rejected: { invalid_utf8: 2 }, warningCodes: [] } },
  },
  {
    file: 'utf8-bom.csv',
    problem: 'a UTF-8 byte-order mark before the header',
    expect: {
      imported: { rowsRead: 10, rowsImported: 10, rejected: {}, warningCodes: [], columns: { customer_id: 'text', event_time: 'time', event_type: 'text', amount: 'number' } },
    },
  },
  {
    file: 'dates-some-unparsable.csv',
    problem: '3 of 30 times unreadable ("not a date", "2025-02-30 10:00:00", "soon")',
    expect: { imported: { rowsRead: 30, rowsImported: 27, rejected: { unparsable_time: 3 }, warningCodes: [] } },
  },
  {
    file: 'dates-all-unparsable.csv',
    problem: 'no time readable ("soon", "yesterday", …)',
    expect: { error: { code: 'invalid_input', field: 'mapping.timeFormat', message: [/^The values of "event_time" could not be read as times \(for example "(soon|yesterday|next week|unknown)"\)/] } },
  },
  {
    file: 'dates-ambiguous.csv',
    problem: 'dd/mm/yyyy dates whose days are all ≤ 12',
    expect: { error: { code: 'invalid_input', field: 'mapping.timeFormat', message: [/could be read more than one way \(%m\/%d\/%Y or %d\/%m\/%Y\)/] } },
  },
  {
    file: 'times-all-empty.csv',
    problem: 'the time column is empty in every row',
    expect: { error: { code: 'invalid_input', field: 'mapping.timeColumn', message: [/^Column "event_time" has no values/] } },
  },
  {
    file: 'times-small-numbers.csv',
    problem: 'the time column holds 1…30',
    expect: { error: { code: 'invalid_input', field: 'mapping.timeColumn', message: [/^Column "event_time" holds small numbers \(largest 30\), not times/] } },
  },
  {
    file: 'future-times.csv',
    problem: '4 of 20 events in 2099',
    expect: {
      imported: { rowsRead: 20, rowsImported: 20, rejected: {}, warningCodes: ['FUTURE_TIMESTAMPS'], warnings: [{ code: 'FUTURE_TIMESTAMPS', count: 4 }] },
    },
  },
  {
    file: 'ids-all-null.csv',
    problem: 'the id is empty in every row',
    expect: { error: { code: 'invalid_input', field: 'mapping.idColumn', message: [/^Every one of the 15 rows has an empty "customer_id"; nothing was imported/] } },
  },
  {
    file: 'ids-blank-spaces.csv',
    problem: '4 of 20 ids are only spaces',
    expect: { imported: { rowsRead: 20, rowsImported: 16, rejected: { null_id: 4 }, warningCodes: [] } },
  },
  {
    file: 'duplicate-ids-profiles.csv',
    problem: 'a profiles file with 3 repeated ids',
    mapping: PROFILES,
    expect: { imported: { rowsRead: 10, rowsImported: 7, rejected: { duplicate_id: 3 }, warningCodes: [] } },
  },
  {
    file: 'duplicate-column-names.csv',
    problem: 'two columns named "amount"',
    expect: {
      imported: {
        rowsRead: 10,
        rowsImported: 10,
        rejected: {},
        warningCodes: ['DUPLICATE_COLUMN_NAMES'],
        warnings: [{ code: 'DUPLICATE_COLUMN_NAMES', count: 1 }],
        columns: { customer_id: 'text', event_time: 'time', amount: 'number', amount_1: 'number' },
      },
    },
  },
  {
    file: 'odd-column-names.csv',
    problem: 'column names with quotes, semicolons and SQL, mapped as id and time',
    mapping: { idColumn: '"; DROP TABLE pwb.datasets; --', timeColumn: 'when; at' },
    expect: {
      imported: {
        rowsRead: 10,
        rowsImported: 10,
        rejected: {},
        warningCodes: [],
        columns: { '"; DROP TABLE pwb.datasets; --': 'text', 'when; at': 'time', 'say "hi"': 'text', amount: 'number' },
      },
    },
  },
  {
    file: 'thousands-separators.csv',
    problem: 'amounts like "2,234.50" in quotes',
    expect: {
      imported: {
        rowsRead: 20,
        rowsImported: 20,
        rejected: {},
        warningCodes: ['NUMBERS_AS_TEXT'],
        warnings: [{ code: 'NUMBERS_AS_TEXT', column: 'amount', count: 20 }],
        columns: { amount: 'number' },
      },
    },
  },
  {
    file: 'mixed-types.csv.gz',
    problem: 'amount is a number for 30,000 rows, then "unknown" in 10 rows',
    expect: {
      imported: {
        rowsRead: 40_000,
        rowsImported: 40_000,
        rejected: {},
        warningCodes: ['DUPLICATE_ROWS', 'MIXED_TYPES'],
        warnings: [{ code: 'MIXED_TYPES', column: 'amount', count: 10 }],
        columns: { amount: 'text' },
      },
    },
  },
  {
    file: 'many-columns.csv.gz',
    problem: '3000 columns, 40 rows, the last 1998 columns empty',
    expect: {
      imported: {
        rowsRead: 40,
        rowsImported: 40,
        rejected: {},
        warningCodes: ['EMPTY_COLUMN', 'EMPTY_VALUES'],
        warnings: [
          { code: 'EMPTY_COLUMN', column: 'f1001', count: 40 },
          { code: 'EMPTY_VALUES', count: 1948 },
        ],
        withinMs: 10_000,
      },
    },
  },
  {
    file: 'long-line.csv.gz',
    problem: 'line 11 is 9 MB long (the limit is 8 MB)',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^long-line\.csv\.gz has a line longer than 8 MB/, /line 11\b/] } },
  },
  {
    file: 'empty.csv.gz',
    problem: 'a 0-byte .gz',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^empty\.csv\.gz is an empty compressed file \(0 bytes\)/] } },
  },
  {
    file: 'truncated.csv.gz',
    problem: 'a gzip cut off after 6000 bytes (of 3000 rows)',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^truncated\.csv\.gz /, /truncated|incomplete|cut off|ends too early|damaged/i] } },
  },
  {
    file: 'not-gzip.csv.gz',
    problem: 'random bytes named .gz',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^not-gzip\.csv\.gz is not a valid gzip file/] } },
  },
  {
    file: 'text-named.parquet',
    problem: 'CSV text named .parquet',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^text-named\.parquet is not a Parquet file/] } },
  },
  {
    file: 'garbage.parquet',
    problem: 'the Parquet signature around random bytes',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^garbage\.parquet (is not a valid Parquet file|is damaged|could not be read as Parquet)/i] } },
  },
  {
    file: 'broken-line.ndjson',
    problem: 'NDJSON whose line 3 lacks its closing brace',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^broken-line\.ndjson is not valid JSON/, /line 3\b/] } },
  },
  {
    file: 'scalar.json',
    problem: 'JSON that is the single number 42',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^scalar\.json .*(single value|not a list of records|no records|objects)/i] } },
  },
  {
    file: 'empty-array.json',
    problem: 'JSON that is an empty list',
    expect: { error: { code: 'invalid_input', field: 'source.files', message: [/^empty-array\.json .*(no data rows|no records|empty list)/i] } },
  },
];

/** Words of DuckDB's own error reports and of stack traces, which must never reach the person importing. */
const JARGON =
  /(Binder|Catalog|Parser|Conversion|Invalid Input|IO|Internal|Out of Range|Serialization|Not implemented|Dependency|Constraint|Transaction) Error|\bINTERNAL\b|LINE \d+:|Possible fixes|Original Line:|Did you mean|\bat .+:\d+:\d+\)?$|^Error:|duckdb|read_csv|read_json|read_parquet|sniff|rejects?_table|Footer length|[\r\n]/im;

function sourceOf(input: BadInput): ImportSource {
  return { files: [join(FIXTURES, input.file)], ...input.source };
}

function mappingOf(input: BadInput) {
  return importMappingSchema.parse({ ...EVENTS, ...input.mapping, name: `Bad ${input.file}` });
}

/** What "the workspace as it was" means: the catalog rows, every table, and the rows in each dataset table. */
async function snapshot(db: Database) {
  const plain = (rows: Array<Record<string, unknown>>) =>
    JSON.parse(JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as Array<Record<string, unknown>>;
  const datasets = plain(await db.all('SELECT * FROM pwb.datasets ORDER BY id'));
  const meta = plain(await db.all('SELECT * FROM pwb.meta ORDER BY key'));
  const tables = plain(await db.all("SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog <> 'temp' ORDER BY ALL"));
  const dataRows: Record<string, number> = {};
  for (const table of tables.filter((row) => row['table_schema'] === 'data')) {
    const name = String(table['table_name']);
    dataRows[name] = Number((await db.one(`SELECT count(*) AS n FROM ${qualifiedName('data', name)}`))?.['n']);
  }
  return { datasets, meta, tables, dataRows };
}

function errorSummary(error: unknown): string {
  if (error instanceof WorkbenchError) return `${error.code} ${error.field ?? '-'}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The message with the file's name taken out, so two files with one cause compare equal and different causes do not. */
function normalised(message: string, file: string): string {
  return message.replaceAll(join(FIXTURES, file), '<file>').replaceAll(file, '<file>');
}

describe('the bad-input corpus', () => {
  let dir = '';
  let workspace: Workspace;
  /** Error messages the imports gave, by file (filled by the per-file tests, read by the later ones). */
  const messages = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pwb-bad-'));
    workspace = await Workspace.create(join(dir, 'bad-input.pwb'), 'Bad input');
  });

  afterAll(() => {
    workspace.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds at least 28 files, each at most 60 KB, every one listed in the manifest once', () => {
    const data = readdirSync(FIXTURES).filter((name) => name !== 'README.md' && name !== 'generate.mjs');
    expect(corpus.length).toBeGreaterThanOrEqual(28);
    expect(corpus.map((input) => input.file).sort()).toEqual(data.sort());
    for (const name of data) expect(statSync(join(FIXTURES, name)).size, name).toBeLessThanOrEqual(60 * 1024);
  });

  describe.each(corpus)('$file ($problem)', (input) => {
    const expected = input.expect;
    const title = 'error' in expected ? `fails with ${expected.error.code} on ${expected.error.field ?? 'no field'}, and leaves the workspace as it was` : 'imports with the rejects and warnings counted';

    it(title, async () => {
      const before = await snapshot(workspace.db);
      const started = performance.now();
      const outcome = await importDataset(workspace.db, sourceOf(input), mappingOf(input), quietControl()).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const elapsed = performance.now() - started;
      if (!outcome.ok) messages.set(input.file, outcome.error instanceof Error ? outcome.error.message : String(outcome.error));
      const after = await snapshot(workspace.db);

      if ('error' in expected) {
        expect(outcome.ok, outcome.ok ? `imported instead: ${JSON.stringify({ rowsRead: outcome.value.report.rowsRead, rowsImported: outcome.value.report.rowsImported, rejected: outcome.value.report.rowsRejected })}` : '').toBe(false);
        if (outcome.ok) return;
        const error = outcome.error;
        expect(error, errorSummary(error)).toBeInstanceOf(WorkbenchError);
        if (!(error instanceof WorkbenchError)) return;
        expect({ code: error.code, field: error.field }, error.message).toEqual({ code: expected.error.code, field: expected.error.field });
        for (const pattern of expected.error.message) expect(error.message).toMatch(pattern);
        expect(error.message).not.toMatch(JARGON);
        expect(error.message, 'names the file by its name, not by where it lies on disk').not.toContain(FIXTURES);
        expect(after).toEqual(before);
        return;
      }

      expect(outcome.ok, outcome.ok ? '' : errorSummary(outcome.error)).toBe(true);
      if (!outcome.ok) return;
      const { report, dataset } = outcome.value;
      const wanted = expected.imported;
      expect({ rowsRead: report.rowsRead, rowsImported: report.rowsImported, rowsRejected: report.rowsRejected }).toEqual({
        rowsRead: wanted.rowsRead,
        rowsImported: wanted.rowsImported,
        rowsRejected: wanted.rejected,
      });
      expect([...new Set(report.warnings.map((warning) => warning.code))].sort()).toEqual([...wanted.warningCodes].sort());
      for (const warning of wanted.warnings ?? []) expect(report.warnings).toContainEqual(expect.objectContaining(warning));
      for (const warning of report.warnings) expect(warning.message).not.toMatch(JARGON);
      for (const reason of Object.keys(wanted.rejected)) {
        expect(report.rejectSamples.some((sample) => sample.reason === reason), `a sample of the ${reason} rows`).toBe(true);
      }
      const kinds = Object.fromEntries(report.columns.map((column) => [column.name, column.kind]));
      for (const [name, kind] of Object.entries(wanted.columns ?? {})) expect(kinds[name], name).toBe(kind);
      expect(dataset).toMatchObject({ name: `Bad ${input.file}`, rows: wanted.rowsImported });
      // One new catalog row and one new table, with exactly the imported rows; nothing else changed.
      expect(after.datasets.filter((row) => !before.datasets.some((old) => old['id'] === row['id'])).map((row) => row['name'])).toEqual([`Bad ${input.file}`]);
      expect(after.datasets.filter((row) => row['id'] !== dataset.id)).toEqual(before.datasets);
      const added = after.tables.filter((table) => !before.tables.some((old) => old['table_schema'] === table['table_schema'] && old['table_name'] === table['table_name']));
      expect(added).toHaveLength(1);
      expect(added[0]?.['table_schema']).toBe('data');
      expect(after.dataRows[String(added[0]?.['table_name'])]).toBe(wanted.rowsImported);
      if (wanted.withinMs !== undefined) expect(Math.round(elapsed), `import time of ${input.file} in ms`).toBeLessThanOrEqual(wanted.withinMs);
    });

    it('previews, or refuses with a WorkbenchError in plain words', async () => {
      const outcome = await previewImport(sourceOf(input)).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (outcome.ok) {
        expect(() => importPreviewSchema.parse(outcome.value)).not.toThrow();
        return;
      }
      expect(outcome.error, errorSummary(outcome.error)).toBeInstanceOf(WorkbenchError);
      const message = outcome.error instanceof Error ? outcome.error.message : '';
      expect(message).not.toMatch(JARGON);
      expect(message).not.toContain(FIXTURES);
    });
  });

  it('gives each cause its own message', () => {
    const failures = corpus.filter((input) => messages.has(input.file));
    const clashes: string[] = [];
    for (const [index, first] of failures.entries()) {
      for (const second of failures.slice(index + 1)) {
        if ((first.cause ?? first.file) === (second.cause ?? second.file)) continue;
        const a = normalised(messages.get(first.file) ?? '', first.file);
        const b = normalised(messages.get(second.file) ?? '', second.file);
        if (a === b) clashes.push(`${first.file} and ${second.file}: "${a}"`);
      }
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(clashes).toEqual([]);
  });

  it('still works afterwards: a good CSV imports, and the workspace reopens with every dataset', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'customer_id,event_time,event_type,amount\nc1,2025-01-01 10:00:00,view,1\nc2,2025-01-02 11:00:00,purchase,9.5\nc1,2025-01-03 12:00:00,purchase,3\n');
    const { report, dataset } = await importDataset(workspace.db, { files: [good] }, importMappingSchema.parse({ ...EVENTS, name: 'Good after bad' }), quietControl());
    expect(report).toMatchObject({ rowsRead: 3, rowsImported: 3, rowsRejected: {}, customers: 2, minTime: '2025-01-01T10:00:00', maxTime: '2025-01-03T12:00:00' });
    expect(dataset.name).toBe('Good after bad');

    const before = await snapshot(workspace.db);
    const path = workspace.info.path;
    workspace.close();
    workspace = await Workspace.open(path);
    expect(await snapshot(workspace.db)).toEqual(before);
  });
});
