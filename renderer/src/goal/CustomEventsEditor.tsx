import { ActionIcon, Button, Group, Paper, Stack, TextInput, Tooltip } from '@mantine/core';
import type { CustomEvent } from '../../../shared/instanceConfig';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import { errorAt, useGoalEditor } from './goalEditorContext';

/** Named conditions that become features: "Days since last Cancellation". */
export function CustomEventsEditor({ events, onChange }: { events: CustomEvent[]; onChange(next: CustomEvent[]): void }) {
  const editor = useGoalEditor();
  const update = (index: number, next: CustomEvent) => onChange(events.map((existing, position) => (position === index ? next : existing)));
  return (
    <Stack gap="xs">
      {events.map((event, index) => (
        <Paper key={index} withBorder p="sm" radius="sm" role="group" aria-label={`Custom event ${index + 1}`}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <TextInput
                label="Name"
                value={event.name}
                onChange={(change) => update(index, { ...event, name: change.currentTarget.value })}
                maxLength={80}
                error={errorAt(editor, `custom_events.${index}.name`)}
                aria-label={`Custom event ${index + 1}: name`}
                w={280}
              />
              <Tooltip label="Remove custom event">
                <ActionIcon variant="subtle" color="red" aria-label={`Remove custom event ${index + 1}`} onClick={() => onChange(events.filter((_, position) => position !== index))}>
                  ✕
                </ActionIcon>
              </Tooltip>
            </Group>
            <ConditionGroupEditor
              match={event.match}
              conditions={event.conditions}
              onChange={(match, conditions) => update(index, { ...event, match, conditions })}
              label={`Custom event ${index + 1}`}
              path={`custom_events.${index}.conditions`}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...events, { name: `Custom event ${events.length + 1}`, match: 'all', conditions: [] }])} data-testid="add-custom-event">
          Add custom event
        </Button>
      </Group>
    </Stack>
  );
}
