import { Alert, Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { uploadFile } from '../../api/uploadFile';
import { formatBytes } from '../../format';

interface UploadState {
  fileName: string;
  index: number;
  count: number;
  sent: number;
  total: number;
}

const ACCEPTED = '.csv,.tsv,.txt,.gz,.parquet,.json,.ndjson,.jsonl,text/csv,text/tab-separated-values,application/json';

/** Browser mode: sends chosen files to the host, one after another, and hands back where they landed. */
export function UploadFilesButton({ onUploaded, disabled }: { onUploaded(paths: string[]): void; disabled: boolean }) {
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const resetInput = useRef<() => void>(null);

  const send = async (files: File[]) => {
    resetInput.current?.();
    if (files.length === 0) return;
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    const paths: string[] = [];
    try {
      for (const [index, file] of files.entries()) {
        setUpload({ fileName: file.name, index, count: files.length, sent: 0, total: file.size });
        const result = await uploadFile(file, {
          signal: controller.signal,
          onProgress: (sent, total) => setUpload({ fileName: file.name, index, count: files.length, sent, total }),
        });
        paths.push(result.path);
      }
      onUploaded(paths);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      abort.current = null;
      setUpload(null);
    }
  };

  const percent = upload && upload.total > 0 ? Math.round((upload.sent / upload.total) * 100) : 0;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <FileButton onChange={(files) => void send(files)} multiple accept={ACCEPTED} resetRef={resetInput} disabled={disabled || upload !== null} inputProps={{ 'aria-label': 'Files to upload' }}>
          {(props) => (
            <Button variant="default" {...props} disabled={disabled || upload !== null} data-testid="upload-files">
              Upload files…
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          Copies files from this browser into the app’s folder on this machine.
        </Text>
      </Group>
      {upload ? (
        <Stack gap={4} aria-live="polite" data-testid="upload-progress">
          <Group justify="space-between">
            <Text size="sm">
              Uploading {upload.fileName}
              {upload.count > 1 ? ` (${upload.index + 1} of ${upload.count})` : ''}: {formatBytes(upload.sent)} of {formatBytes(upload.total)}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => abort.current?.abort()}>
              Cancel upload
            </Button>
          </Group>
          <Progress value={percent} aria-label={`Uploading ${upload.fileName}: ${percent}%`} />
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" title="The upload did not work" role="alert" withCloseButton onClose={() => setError(null)} closeButtonLabel="Dismiss">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
