import { Badge, Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { DatasetSummary } from '../../../shared/contract/datasets';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { LabelledSegments } from '../components/LabelledSegments';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import { EditorSection } from './EditorSection';
import { errorAt, useGoalEditor } from './goalEditorContext';

interface GoalDefinitionSectionProps {
  draft: InstanceConfig;
  update(change: Partial<InstanceConfig>): void;
  dirty: boolean;
  eventDatasets: DatasetSummary[];
  profileDatasets: DatasetSummary[];
}

/** Name, datasets, propensity type, will / will not, the window and the goal's conditions. */
export function GoalDefinitionSection({ draft, update, dirty, eventDatasets, profileDatasets }: GoalDefinitionSectionProps) {
  const editor = useGoalEditor();
  const eventsDataset = eventDatasets.find((dataset) => dataset.id === draft.events || dataset.name.toLowerCase() === draft.events.toLowerCase());
  return (
        <EditorSection
          title="What to predict"
          aside={
            dirty ? (
              <Badge color="indigo.8" variant="filled" data-testid="unsaved-badge">
                Unsaved changes
              </Badge>
            ) : null
          }
        >
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput label="Name" value={draft.name} onChange={(event) => update({ name: event.currentTarget.value })} maxLength={120} w={300} error={errorAt(editor, 'name')} data-testid="goal-name" />
            <Select
              label="Events dataset"
              data={eventDatasets.map((dataset) => ({ value: dataset.name, label: dataset.name }))}
              value={eventsDataset?.name ?? null}
              onChange={(name) => name && update({ events: name })}
              allowDeselect={false}
              w={220}
            />
            <Select
              label="Profiles dataset"
              placeholder="None"
              data={profileDatasets.map((dataset) => ({ value: dataset.name, label: dataset.name }))}
              value={profileDatasets.find((dataset) => dataset.id === draft.profiles || dataset.name.toLowerCase() === draft.profiles?.toLowerCase())?.name ?? null}
              onChange={(name) => update({ profiles: name })}
              clearable
              disabled={profileDatasets.length === 0}
              description={profileDatasets.length === 0 ? 'No profiles dataset imported' : 'Optional: attributes per customer'}
              w={220}
            />
            <LabelledSegments
              label="Propensity"
              value={draft.propensity}
              onChange={(propensity) => update({ propensity })}
              options={[
                { value: 'conversion', label: 'Conversion' },
                { value: 'churn', label: 'Churn' },
              ]}
            />
          </Group>
          <Group gap="md" align="flex-end" wrap="wrap">
            <LabelledSegments
              label="The customer"
              value={draft.goal.occurs ? 'occurs' : 'not'}
              onChange={(value) => update({ goal: { ...draft.goal, occurs: value === 'occurs' } })}
              options={[
                { value: 'occurs', label: 'will' },
                { value: 'not', label: 'will not' },
              ]}
              testId="goal-occurs"
            />
            <Text size="sm" pb={8}>
              have an event matching the conditions below within
            </Text>
            <NumberInput
              label="Window (days)"
              value={draft.goal.window_days}
              min={1}
              max={3650}
              allowDecimal={false}
              onChange={(value) => update({ goal: { ...draft.goal, window_days: typeof value === 'number' && value >= 1 ? value : 1 } })}
              w={140}
              data-testid="goal-window"
            />
          </Group>
          <ConditionGroupEditor
            match={draft.goal.match}
            conditions={draft.goal.conditions}
            onChange={(match, conditions) => update({ goal: { ...draft.goal, match, conditions } })}
            label="Goal"
            path="goal.conditions"
          />
        </EditorSection>
  );
}
