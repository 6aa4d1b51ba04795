import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePendingAction } from './usePendingAction';

interface ConfirmModalProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** What closing without confirming means, for screen readers ("Keep the dataset"). */
  cancelLabel: string;
  /** Throws to refuse: the error shows in the dialog, which stays open. */
  onConfirm(): Promise<void>;
  onClose(): void;
  confirmTestId?: string;
}

/** Asks before something that cannot be undone; Cancel has the focus so Enter alone does nothing. */
export function ConfirmModal({ title, children, confirmLabel, cancelLabel, onConfirm, onClose, confirmTestId }: ConfirmModalProps) {
  const { busy, error, run } = usePendingAction();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': cancelLabel }}>
      <Stack gap="md">
        {children}
        {error ? (
          <Alert color="red" title="That did not work" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={() => void run(onConfirm)} loading={busy} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
