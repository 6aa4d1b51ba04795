import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { InstanceConfig } from '../../../shared/instanceConfig';

/** The goal as the instance config JSON that `pwb preview --config` reads, to copy into a file. */
export function ConfigJsonModal({ config, onClose }: { config: InstanceConfig; onClose(): void }) {
  const json = JSON.stringify(config, null, 2);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    area.current?.select();
    try {
      await navigator.clipboard.writeText(json);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <Modal opened onClose={onClose} title="Instance config (JSON)" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Save it as a file to use with <code>pwb preview --config FILE</code>; the README describes every key.
        </Text>
        <Textarea ref={area} value={json} readOnly autosize minRows={8} maxRows={24} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} aria-label="Instance config JSON" data-testid="config-json" />
        <Group justify="space-between">
          <Text size="sm" role="status">
            {copied}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button onClick={() => void copy()} data-autofocus>
              Copy
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
