import { Alert, Button, Fieldset, Group, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, type FormEvent } from 'react';
import type { ImportPreview } from '../../../../shared/contract/imports';
import { JobProgressCard } from '../JobProgressCard';
import { WarningList } from '../WarningList';
import type { ImportJob } from './useImportJob';
import { MappingForm } from './MappingForm';
import type { MappingDraft, MappingErrors } from './mappingDraft';
import { PreviewTable } from './PreviewTable';
import { SourceSummary } from './SourceSummary';

interface MappingStepProps {
  preview: ImportPreview;
  draft: MappingDraft;
  errors: MappingErrors;
  onChange(next: MappingDraft): void;
  onBack(): void;
  onImport(): void;
  importJob: ImportJob;
  /** Why the last start was refused. */
  startError: string | null;
}

/** The preview of the source, the mapping form, and the import's progress or failure. */
export function MappingStep({ preview, draft, errors, onChange, onBack, onImport, importJob, startError }: MappingStepProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const failureAlert = useRef<HTMLDivElement>(null);
  const progressCard = useRef<HTMLDivElement>(null);
  const { job } = importJob;
  const running = importJob.starting || job?.status === 'running';
  const failure = startError ?? (job?.status === 'failed' ? (job.error ?? job.message) : null);

  // Screen readers hear where they are after the step changes; keyboard focus starts at the top of it.
  useEffect(() => heading.current?.focus(), []);
  // The message sits below a long form; bring it into sight (role="alert" already announces it).
  useEffect(() => {
    if (failure) failureAlert.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  // Likewise the progress bar and its Cancel button, once the import runs.
  const jobRunning = job?.status === 'running';
  useEffect(() => {
    if (jobRunning) progressCard.current?.scrollIntoView({ block: 'nearest' });
  }, [jobRunning]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) onImport();
  };

  return (
    <Stack gap="md" component="form" onSubmit={submit} aria-labelledby="import-mapping-heading">
      <Title order={3} size="h4" id="import-mapping-heading" ref={heading} tabIndex={-1}>
        Preview and mapping
      </Title>
      <SourceSummary preview={preview} />
      <PreviewTable preview={preview} />
      <WarningList warnings={preview.warnings} title="Found while reading the first rows" testId="preview-warnings" />
      <Fieldset variant="unstyled" disabled={running} legend={<VisuallyHidden>Column mapping</VisuallyHidden>}>
        <MappingForm preview={preview} draft={draft} errors={errors} onChange={onChange} />
      </Fieldset>
      {failure ? (
        <Alert color="red" title="The import did not work" role="alert" ref={failureAlert} data-testid="import-error">
          {failure}
        </Alert>
      ) : null}
      {job?.status === 'cancelled' ? (
        <Alert color="gray" title="Import cancelled" data-testid="import-cancelled">
          Nothing was added to the workspace.
        </Alert>
      ) : null}
      {job?.status === 'running' ? (
        <div ref={progressCard}>
          <JobProgressCard job={job} title={`Importing ${draft.name.trim()}`} />
        </div>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} disabled={running}>
          Back
        </Button>
        <Button type="submit" loading={running} data-testid="start-import">
          Import
        </Button>
      </Group>
    </Stack>
  );
}
