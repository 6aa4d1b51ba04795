import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../../shared/contract/segments';
import { ConfirmModal } from '../components/ConfirmModal';
import { JobProgressCard } from '../components/JobProgressCard';
import { LabelledSegments } from '../components/LabelledSegments';
import { formatCount } from '../format';
import { useWorkbench } from '../state/WorkbenchContext';
import { EXPORT_FORMAT_LABELS, exportFileName, exportPathProblem, withFormatExtension } from './exportPath';

export interface ExportTarget {
  runId: string;
  /** The saved segment to export, or null for every scored customer of the run. */
  segmentId: string | null;
  /** What is exported, in words and as the default file name: the segment's name, or "All scores". */
  name: string;
}

const FORMATS: ExportFormat[] = ['csv', 'parquet', 'json'];

/**
 * Writes a segment (or all scores) to a file: format and path, a check for a file already there (replaced only when
 * confirmed), then the export job's progress with Cancel, then the file written and its rows.
 */
export function ExportModal({ target, onClose }: { target: ExportTarget; onClose(): void }) {
  const { client, appInfo, jobs, trackJob } = useWorkbench();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [path, setPath] = useState(() => exportFileName(target.name, 'csv'));
  const [pathError, setPathError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const job = jobId ? jobs[jobId] : undefined;
  const running = jobId !== null && (job?.status ?? 'running') === 'running';
  const exported = job?.status === 'succeeded' ? (job.exported ?? null) : null;
  const title = target.segmentId ? `Export “${target.name}”` : 'Export all scores';

  const start = async (file: string, overwrite: boolean) => {
    setBusy(true);
    try {
      const ref = await client.call('exports.start', { runId: target.runId, segmentId: target.segmentId, format, path: file, overwrite });
      trackJob(ref.jobId, ref.kind);
      setJobId(ref.jobId);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    const file = path.trim();
    const problem = exportPathProblem(file);
    if (problem) return setPathError(problem);
    setFailure(null);
    setJobId(null);
    setBusy(true);
    try {
      const state = await client.call('exports.check', { path: file });
      if (!state.directoryExists) return setPathError('The folder of this file does not exist.');
      if (state.exists) return setConfirmReplace(file);
    } catch (error) {
      return setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
    await start(file, false);
  };

  const choose = async () => {
    setFailure(null);
    try {
      const picked = await client.call('dialog.pickExportPath', { format, suggestedName: exportFileName(target.name, format) });
      if (picked.path) {
        setPath(picked.path);
        setPathError(null);
      }
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <Modal
        opened={confirmReplace === null}
        onClose={onClose}
        title={title}
        size="lg"
        closeOnEscape={!running}
        closeOnClickOutside={!running}
        withCloseButton={!running}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="md" component="form" onSubmit={(event) => void submit(event)} data-testid="export-form">
          <LabelledSegments
            label="Format"
            value={format}
            options={FORMATS.map((value) => ({ value, label: EXPORT_FORMAT_LABELS[value] }))}
            onChange={(next) => {
              if (running) return;
              setFormat(next);
              setPath((current) => withFormatExtension(current, next));
            }}
            testId="export-format"
          />
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label="File to write"
              description={
                appInfo?.nativeDialogs
                  ? 'Choose where to save it, or type the full path.'
                  : 'The full path on the computer the engine runs on, such as /home/you/exports/segment.csv.'
              }
              value={path}
              onChange={(event) => {
                setPath(event.currentTarget.value);
                setPathError(null);
              }}
              error={pathError}
              required
              disabled={running}
              style={{ flex: 1 }}
              data-autofocus
              data-testid="export-path"
            />
            {appInfo?.nativeDialogs ? (
              <Button variant="default" onClick={() => void choose()} disabled={running} mb={pathError ? 22 : 0}>
                Choose…
              </Button>
            ) : null}
          </Group>
          <Text size="sm">The columns: customer id, probability, score, percentile, bucket, the top three reasons with their points, run, as-of date and goal.</Text>
          {failure ? (
            <Alert color="red" role="alert" title="The export did not start" data-testid="export-error">
              {failure}
            </Alert>
          ) : null}
          {job && !exported ? <JobProgressCard job={job} title={title.replace(/^Export/, 'Exporting')} cancelledNotice="Export cancelled; no file was written." /> : null}
          {exported ? (
            <Alert
              color="teal"
              role="status"
              title="Export finished"
              // The light teal behind the title leaves too little contrast for teal text.
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
              data-testid="export-done"
            >
              Wrote <strong data-testid="export-rows">{formatCount(exported.rows)}</strong> customers to <code data-testid="export-written-path">{exported.path}</code>.
            </Alert>
          ) : null}
          {/* While the job runs, its own Cancel is the only way out. */}
          {running ? null : (
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {exported ? 'Close' : 'Cancel'}
              </Button>
              <Button type="submit" loading={busy} data-testid="export-submit">
                {exported ? 'Export again' : 'Export'}
              </Button>
            </Group>
          )}
        </Stack>
      </Modal>
      {confirmReplace !== null ? (
        <ConfirmModal
          title="Replace the file?"
          confirmLabel="Replace"
          cancelLabel="Keep the file"
          confirmTestId="export-replace"
          onConfirm={async () => {
            const file = confirmReplace;
            setConfirmReplace(null);
            await start(file, true);
          }}
          onClose={() => setConfirmReplace(null)}
        >
          <Text>
            <code>{confirmReplace}</code> already exists. Replacing it writes this export in its place once the export is complete.
          </Text>
        </ConfirmModal>
      ) : null}
    </>
  );
}
