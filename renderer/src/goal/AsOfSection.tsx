import { Group, NumberInput, TextInput } from '@mantine/core';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { LabelledSegments } from '../components/LabelledSegments';
import { EditorSection } from './EditorSection';
import { errorAt, useGoalEditor } from './goalEditorContext';

/** When "today" is (the latest event, or a date for a backtest) and how many labels a goal needs. */
export function AsOfSection({ draft, update, latestEvent }: { draft: InstanceConfig; update(change: Partial<InstanceConfig>): void; latestEvent: string | null }) {
  const editor = useGoalEditor();
  return (
        <EditorSection title="As of and thresholds">
          <Group gap="md" align="flex-end" wrap="wrap">
            <LabelledSegments
              label="Today is"
              value={draft.as_of === null ? 'latest' : 'date'}
              onChange={(value) => update({ as_of: value === 'latest' ? null : (latestEvent?.slice(0, 10) ?? '2000-01-01') })}
              options={[
                { value: 'latest', label: 'the latest event' },
                { value: 'date', label: 'a date (backtest)' },
              ]}
            />
            {draft.as_of !== null ? (
              <TextInput
                type="date"
                label="As of"
                value={draft.as_of.slice(0, 10)}
                onChange={(event) => event.currentTarget.value && update({ as_of: event.currentTarget.value })}
                error={errorAt(editor, 'as_of')}
                data-testid="goal-as-of"
              />
            ) : null}
            <NumberInput
              label="Warn under (positives or negatives)"
              value={draft.sufficiency.warn_below}
              min={0}
              allowDecimal={false}
              onChange={(value) => update({ sufficiency: { ...draft.sufficiency, warn_below: typeof value === 'number' ? value : 0 } })}
              w={230}
            />
            <NumberInput
              label="Refuse under"
              value={draft.sufficiency.refuse_below}
              min={0}
              allowDecimal={false}
              onChange={(value) => update({ sufficiency: { ...draft.sufficiency, refuse_below: typeof value === 'number' ? value : 0 } })}
              w={140}
            />
          </Group>
        </EditorSection>
  );
}
