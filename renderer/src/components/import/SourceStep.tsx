import { Alert, Button, Divider, Group, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { SourceOptions } from './SourceOptions';
import type { SourceDraft } from './sourceDraft';
import { UploadFilesButton } from './UploadFilesButton';

interface SourceStepProps {
  draft: SourceDraft;
  onChange(next: SourceDraft): void;
  /** Reads the source's first rows; the paths may be passed when they were just picked or uploaded. */
  onPreview(paths?: string[]): void;
  busy: boolean;
  error: string | null;
  /** The desktop app's file dialog. */
  onPickFiles: (() => void) | null;
  /** Browser mode: files can be sent to the host. */
  canUpload: boolean;
}

/** Where the rows come from: paths or patterns on this machine, picked, typed or uploaded. */
export function SourceStep({ draft, onChange, onPreview, busy, error, onPickFiles, canUpload }: SourceStepProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPreview();
  };
  return (
    <Stack gap="md" component="form" onSubmit={submit} aria-label="Choose the data to import">
      {onPickFiles ? (
        <Group gap="sm">
          <Button variant="default" onClick={onPickFiles} disabled={busy} data-testid="pick-data-files">
            Choose files…
          </Button>
          <Text size="sm" c="dimmed">
            CSV or TSV (also gzipped), Parquet, JSON or NDJSON.
          </Text>
        </Group>
      ) : null}
      <Textarea
        label="Files on this machine"
        description="One path per line; a pattern such as /data/events-*.csv.gz reads every matching file as one dataset. Ctrl+Enter previews."
        placeholder="/home/me/exports/events.csv"
        value={draft.paths}
        onChange={(event) => onChange({ ...draft, paths: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onPreview();
          }
        }}
        autosize
        minRows={2}
        maxRows={8}
        spellCheck={false}
        disabled={busy}
        data-testid="import-paths"
        data-autofocus
      />
      {canUpload ? (
        <>
          <Divider label="or" labelPosition="center" />
          <UploadFilesButton
            disabled={busy}
            onUploaded={(paths) => {
              onChange({ ...draft, paths: paths.join('\n') });
              onPreview(paths);
            }}
          />
        </>
      ) : null}
      <SourceOptions draft={draft} onChange={onChange} disabled={busy} />
      {error ? (
        <Alert color="red" title="Cannot read that source" role="alert" data-testid="preview-error">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button type="submit" loading={busy} data-testid="preview-source">
          Preview
        </Button>
      </Group>
    </Stack>
  );
}
