import { Select } from '@mantine/core';
import type { RunSummary } from '../../../shared/contract/runs';
import { formatUtcTime } from '../format';

export function runLabel(run: RunSummary): string {
  return `${run.instanceName} · v${run.version} · as of ${run.asOf.slice(0, 10)} · ${formatUtcTime(run.createdAt)}`;
}

/** Which saved run a result page shows; shared by Insights and Customers. */
export function RunPicker({ runs, chosen, onChoose }: { runs: RunSummary[]; chosen: RunSummary; onChoose(runId: string): void }) {
  return (
    <Select
      label="Run"
      data-testid="run-picker"
      data={runs.map((run) => ({ value: run.runId, label: runLabel(run) }))}
      value={chosen.runId}
      onChange={(value) => value && onChoose(value)}
      allowDeselect={false}
      searchable
      w={{ base: '100%', sm: 520 }}
    />
  );
}
