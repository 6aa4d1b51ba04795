import { Modal, Stepper } from '@mantine/core';
import { useState } from 'react';
import type { ImportPreview, ImportSource } from '../../../../shared/contract/imports';
import { WorkbenchError } from '../../../../shared/errors';
import { useWorkbench } from '../../state/WorkbenchContext';
import { draftFieldOf, draftFromPreview, toImportMapping, type MappingDraft, type MappingErrors } from './mappingDraft';
import { MappingStep } from './MappingStep';
import { defaultDatasetName, emptySourceDraft, toImportSource, type SourceDraft } from './sourceDraft';
import { SourceStep } from './SourceStep';
import { useImportJob } from './useImportJob';

interface ImportDialogProps {
  opened: boolean;
  onClose(): void;
  /** Called once an import has succeeded and the dataset list is fresh. */
  onImported(datasetId: string | null): void;
}

interface Previewed {
  source: ImportSource;
  preview: ImportPreview;
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

function sameFiles(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((file, index) => file === b[index]);
}

/**
 * The import flow: choose a source, preview it, map its columns, import. Kept mounted while closed
 * so a running import still finishes into the page, and reopening shows where it got to.
 */
export function ImportDialog({ opened, onClose, onImported }: ImportDialogProps) {
  const { client, appInfo } = useWorkbench();
  const [step, setStep] = useState(0);
  const [sourceDraft, setSourceDraft] = useState<SourceDraft>(emptySourceDraft);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<MappingDraft | null>(null);
  const [mappingErrors, setMappingErrors] = useState<MappingErrors>({});
  const [startError, setStartError] = useState<string | null>(null);
  const importJob = useImportJob(onImported);
  const running = importJob.starting || importJob.job?.status === 'running';
  const { job } = importJob;
  // A failed import points at the field its error is about, until the next attempt.
  const jobErrorField = job?.status === 'failed' ? draftFieldOf(job.errorField) : null;
  const fieldErrors: MappingErrors = jobErrorField ? { [jobErrorField]: job?.error ?? job?.message, ...mappingErrors } : mappingErrors;

  const preview = async (paths?: string[]) => {
    const draft = paths ? { ...sourceDraft, paths: paths.join('\n') } : sourceDraft;
    const source = toImportSource(draft);
    if (typeof source === 'string') return setPreviewError(source);
    setPreviewBusy(true);
    setPreviewError(null);
    try {
      const result = await client.call('imports.preview', { source });
      // The user's mapping survives a second look at the same files; new files start from the new suggestion.
      if (!mapping || !previewed || !sameFiles(previewed.source.files, source.files)) {
        setMapping(draftFromPreview(result, defaultDatasetName(source.files)));
        setMappingErrors({});
      }
      setPreviewed({ source, preview: result });
      setStartError(null);
      setStep(1);
    } catch (failure) {
      setPreviewError(messageOf(failure));
    } finally {
      setPreviewBusy(false);
    }
  };

  const pickFiles = async () => {
    try {
      const { paths } = await client.call('dialog.pickDataFiles', {});
      if (paths.length === 0) return;
      setSourceDraft((current) => ({ ...current, paths: paths.join('\n') }));
      await preview(paths);
    } catch (failure) {
      setPreviewError(messageOf(failure));
    }
  };

  const startImport = async () => {
    if (!previewed || !mapping) return;
    const checked = toImportMapping(mapping);
    if ('errors' in checked) {
      setMappingErrors(checked.errors);
      return;
    }
    setMappingErrors({});
    setStartError(null);
    try {
      await importJob.start(previewed.source, checked.mapping);
    } catch (failure) {
      setStartError(messageOf(failure));
      const field = failure instanceof WorkbenchError ? draftFieldOf(failure.field) : null;
      if (field) setMappingErrors({ [field]: failure instanceof Error ? failure.message : '' });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Import data"
      size="min(1200px, 96vw)"
      keepMounted
      keepMountedMode="display-none"
      closeButtonProps={{ 'aria-label': 'Close the import dialog' }}
      data-testid="import-dialog"
    >
      <Stepper active={step} onStepClick={(index) => !running && setStep(index)} allowNextStepsSelect={false} size="sm">
        <Stepper.Step label="Source" description="Files to read">
          <SourceStep
            draft={sourceDraft}
            onChange={setSourceDraft}
            onPreview={(paths) => void preview(paths)}
            busy={previewBusy}
            error={previewError}
            onPickFiles={appInfo?.nativeDialogs ? () => void pickFiles() : null}
            canUpload={appInfo?.transport === 'browser'}
          />
        </Stepper.Step>
        <Stepper.Step label="Mapping" description="Columns and import">
          {previewed && mapping ? (
            <MappingStep
              preview={previewed.preview}
              draft={mapping}
              errors={fieldErrors}
              onChange={setMapping}
              onBack={() => setStep(0)}
              onImport={() => void startImport()}
              importJob={importJob}
              startError={startError}
            />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
