import { Button } from '@mantine/core';
import type { DatasetSummary } from '../../../../shared/contract/datasets';

interface DatasetActionsProps {
  dataset: DatasetSummary;
  reportShown: boolean;
  onToggleReport(): void;
  onRename(): void;
  onDelete(): void;
}

/** A dataset card's buttons; each names its dataset for screen readers, since every card has the same ones. */
export function DatasetActions({ dataset, reportShown, onToggleReport, onRename, onDelete }: DatasetActionsProps) {
  return (
    <>
      <Button size="xs" variant={reportShown ? 'filled' : 'light'} aria-pressed={reportShown} aria-label={`Quality report of ${dataset.name}`} onClick={onToggleReport}>
        Quality report
      </Button>
      <Button size="xs" variant="default" aria-label={`Rename ${dataset.name}`} onClick={onRename}>
        Rename
      </Button>
      <Button size="xs" variant="default" aria-label={`Delete ${dataset.name}`} onClick={onDelete}>
        Delete
      </Button>
    </>
  );
}
