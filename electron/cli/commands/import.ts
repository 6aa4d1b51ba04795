import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { importMappingSchema, importSourceSchema, type QualityReport } from '../../../shared/contract/imports';
import { WorkbenchError } from '../../../shared/errors';
import { importDataset } from '../../engine/imports/importDataset';
import { Workspace } from '../../engine/workspace/workspaceFile';
import { CliUsageError, parseFlags, type Command } from '../command';
import { progressLine } from '../progressLine';

export const importCommand: Command = {
  summary: 'import a CSV, Parquet or NDJSON file as a dataset of a workspace',
  usage: `Usage: pwb import --workspace FILE --name NAME --kind events|profiles --file PATH [--file PATH ...]
                  --id COL [--time COL] [--time-format FMT] [--time-zone ZONE] [--event-type COL]
                  [--numeric-ids] [--format csv|parquet|json] [--delimiter C] [--no-header] [--json]

Imports the files (or glob patterns) as one dataset, all or nothing: a failed import leaves the workspace as it was.
The workspace FILE is created when it does not exist yet (and removed again if that first import fails).

  --kind          events (one row per event; needs --time) or profiles (one row per customer)
  --id            the customer id column (kept as text)
  --time          the event time column; its format is detected unless --time-format gives it (strptime, e.g. %d/%m/%Y %H:%M)
  --time-zone     zone that times carrying an offset are converted to (default UTC)
  --numeric-ids   normalise numeric ids: 17850.0 and 017850 both become 17850
  --json          print one JSON object: dataset, rows_read, rows_imported, rows_rejected, customers, min_time, max_time, columns, warnings`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      file: { type: 'string', multiple: true },
      id: { type: 'string' },
      time: { type: 'string' },
      'time-format': { type: 'string' },
      'time-zone': { type: 'string' },
      'event-type': { type: 'string' },
      'numeric-ids': { type: 'boolean' },
      format: { type: 'string' },
      delimiter: { type: 'string' },
      'no-header': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    if (!flags.file || flags.file.length === 0) throw new CliUsageError('--file PATH is required (repeat it for several files).');
    const source = importSourceSchema.safeParse({
      files: flags.file.map((file) => (/[*?[]/.test(file) ? file : resolve(file))),
      ...(flags.format ? { format: flags.format } : {}),
      ...(flags.delimiter ? { delimiter: flags.delimiter === '\\t' ? '\t' : flags.delimiter } : {}),
      ...(flags['no-header'] ? { header: false } : {}),
    });
    if (!source.success) throw new CliUsageError(firstIssue(source.error.issues));
    const mapping = importMappingSchema.safeParse({
      name: flags.name,
      kind: flags.kind,
      idColumn: flags.id,
      timeColumn: flags.time ?? null,
      timeFormat: flags['time-format'] ?? null,
      timeZone: flags['time-zone'] ?? null,
      eventTypeColumn: flags['event-type'] ?? null,
      numericIds: flags['numeric-ids'] ?? false,
    });
    if (!mapping.success) throw new CliUsageError(firstIssue(mapping.error.issues));

    const path = resolve(flags.workspace);
    const created = !existsSync(path);
    const workspace = created ? await Workspace.create(path, undefined) : await Workspace.open(path);
    let imported = false;
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      const progress = progressLine(Boolean(flags.json));
      const outcome = await importDataset(workspace.db, source.data, mapping.data, { signal: controller.signal, progress: progress.update });
      progress.done();
      imported = true;
      process.stdout.write(flags.json ? `${JSON.stringify(toJson(outcome.dataset.id, outcome.dataset.name, outcome.report))}\n` : describe(outcome.dataset.name, outcome.report));
      return 0;
    } catch (error) {
      if (error instanceof WorkbenchError && flags.json) {
        process.stdout.write(`${JSON.stringify({ error: error.toInfo() })}\n`);
      }
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      workspace.close();
      // A workspace made only for an import that failed would be an empty file the user never asked for.
      if (created && !imported) for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
    }
  },
};

function firstIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0];
  if (!issue) return 'invalid options';
  const flag = { name: '--name', kind: '--kind', idColumn: '--id', timeColumn: '--time', timeFormat: '--time-format', timeZone: '--time-zone', eventTypeColumn: '--event-type', files: '--file', format: '--format', delimiter: '--delimiter' }[String(issue.path[0])];
  return `${flag ?? String(issue.path[0])}: ${issue.message}.`;
}

function toJson(datasetId: string, name: string, report: QualityReport) {
  return {
    dataset: name,
    dataset_id: datasetId,
    rows_read: report.rowsRead,
    rows_imported: report.rowsImported,
    rows_rejected: report.rowsRejected,
    customers: report.customers,
    min_time: report.minTime,
    max_time: report.maxTime,
    duplicate_rows: report.duplicateRows,
    future_rows: report.futureRows,
    time_format: report.timeFormat,
    columns: report.columns.map((column) => ({ name: column.name, type: column.type, completeness: column.completeness })),
    warnings: report.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
    seconds: Math.round(report.durationMs) / 1000,
  };
}

function describe(name: string, report: QualityReport): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const rejected = Object.entries(report.rowsRejected).map(([reason, rows]) => `${count(rows)} ${reason.replaceAll('_', ' ')}`);
  const lines = [
    `Imported "${name}": ${count(report.rowsImported)} of ${count(report.rowsRead)} rows, ${count(report.customers)} customers.`,
    ...(rejected.length > 0 ? [`Rejected: ${rejected.join(', ')}.`] : []),
    ...(report.minTime ? [`Time span: ${report.minTime} to ${report.maxTime} (read as ${report.timeFormat}).`] : []),
    ...report.warnings.map((warning) => `Warning: ${warning.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
