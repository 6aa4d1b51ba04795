import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { usePendingAction } from './usePendingAction';

interface NameModalProps {
  title: string;
  initial: string;
  /** The contract's schema for the name: the dialog refuses what the engine would. */
  schema: z.ZodType<string>;
  submitLabel: string;
  /** Throws to refuse (a taken name): the message shows under the field. */
  onSubmit(name: string): Promise<void>;
  onClose(): void;
  /** Submitting the name unchanged just closes the dialog. */
  closeWhenUnchanged?: boolean;
  inputTestId?: string;
  submitTestId?: string;
}

/** Asks for a name: Enter submits, Escape cancels; the refusal shows under the field. */
export function NameModal({ title, initial, schema, submitLabel, onSubmit, onClose, closeWhenUnchanged = false, inputTestId, submitTestId }: NameModalProps) {
  const [name, setName] = useState(initial);
  const { busy, error, setError, run } = usePendingAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = schema.safeParse(name);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'That name cannot be used.');
    if (closeWhenUnchanged && checked.data === initial) return onClose();
    if (await run(() => onSubmit(checked.data))) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': 'Cancel' }}>
      <Stack component="form" onSubmit={(event) => void submit(event)} gap="md">
        <TextInput
          label="Name"
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={120}
          required
          data-autofocus
          data-testid={inputTestId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
