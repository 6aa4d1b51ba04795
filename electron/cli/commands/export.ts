import { resolve } from 'node:path';
import { exportFormatSchema, EXPORT_COLUMNS } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import { loadedRun } from '../../engine/insights/runCache';
import { listRuns } from '../../engine/pipeline/runStore';
import { exportScores } from '../../engine/segments/exportScores';
import { segmentCatalog } from '../../engine/segments/segmentFields';
import { findSegment } from '../../engine/segments/segmentStore';
import type { Workspace } from '../../engine/workspace/workspaceFile';
import { withCancellableWorkspace } from '../cancellableWorkspace';
import { CliUsageError, parseFlags, type Command } from '../command';
import { progressLine } from '../progressLine';

export const exportCommand: Command = {
  summary: "write a run's scores (all, or a saved segment's) to CSV, Parquet or NDJSON",
  usage: `Usage: pwb export --workspace FILE --run ID|latest [--segment NAME] --format csv|parquet|json --out PATH [--force] [--json]

Writes every scored customer of the run, or the members of one of its saved segments, highest probability first,
with the columns ${EXPORT_COLUMNS.join(', ')}.
reason_k is the sentence of the customer's k-th factor and reason_k_points its probability points. json is NDJSON:
one object per line. The file is written under a temporary name beside PATH and renamed when complete.

  --run       a run id, or "latest" for the newest run in the workspace
  --segment   a saved segment of that run, by name (or id); when the run has none of that name, the one saved on
              the newest other run of the same goal, applied to this run (so it follows a retrained goal)
  --force     replace PATH when it exists (otherwise the export is refused)
  --json      print one JSON object: rows, path, format, run_id, segment, segment_run_id (the run it was saved on)

Ctrl+C cancels: nothing is left under PATH. Exit codes: 0 when the file was written, 1 on failure, 2 on bad usage.`,
  async run(argv) {
    const flags = parseFlags(argv, {
      workspace: { type: 'string' },
      run: { type: 'string' },
      segment: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!flags.workspace) throw new CliUsageError('--workspace FILE is required.');
    if (!flags.run) throw new CliUsageError('--run ID|latest is required.');
    if (!flags.out) throw new CliUsageError('--out PATH is required.');
    const format = exportFormatSchema.safeParse(flags.format);
    if (!format.success) throw new CliUsageError('--format is csv, parquet or json.');
    const out = resolve(flags.out);
    const runFlag = flags.run;
    return withCancellableWorkspace(flags.workspace, Boolean(flags.json), async (workspace, signal) => {
      const runId = runFlag === 'latest' ? await latestRunId(workspace) : runFlag;
      const { run } = await loadedRun(workspace.db, runId);
      const segment = flags.segment === undefined ? null : await findSegment(workspace.db, run.runId, flags.segment);
      const catalog = await segmentCatalog(workspace.db, run);
      const progress = progressLine(Boolean(flags.json));
      const exported = await exportScores(
        workspace.db,
        catalog,
        { definition: segment?.definition ?? { match: 'all', conditions: [] }, what: segment ? `the segment "${segment.name}"` : 'all scores', format: format.data, path: out, overwrite: Boolean(flags.force) },
        { signal, progress: progress.update },
      ).catch((error: unknown) => {
        throw error instanceof WorkbenchError && error.code === 'conflict' && error.field === 'path' ? new WorkbenchError('conflict', `${out} already exists; pass --force to replace it.`, 'path') : error;
      });
      progress.done();
      const result = { rows: exported.rows, path: exported.path, format: format.data, run_id: run.runId, segment: segment?.name ?? null, segment_run_id: segment?.runId ?? null };
      process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `Wrote ${exported.rows.toLocaleString('en-US')} customers to ${exported.path}\n`);
      return 0;
    });
  },
};

async function latestRunId(workspace: Workspace): Promise<string> {
  const [newest] = await listRuns(workspace.db);
  if (!newest) throw new WorkbenchError('not_found', 'This workspace has no run yet: train a goal first (pwb run).', 'run');
  return newest.runId;
}
