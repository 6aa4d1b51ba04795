import type { Run } from '../../../shared/contract/runs';

/** A download name for one of a run's tables: "purchase-within-30-days-v2-buckets.csv". */
export function runFileName(run: Pick<Run, 'instanceName' | 'version'>, part: string): string {
  const goal = run.instanceName
    .normalize('NFKD')
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '');
  return `${goal || 'run'}-v${run.version}-${part}.csv`;
}
