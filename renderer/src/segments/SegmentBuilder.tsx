import { Alert, Button, Card, Grid, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useImperativeHandle, useRef, useState, type FormEvent, type Ref } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { segmentNameSchema, type SegmentDefinition, type SegmentSummary } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import { ConditionGroupEditor } from '../goal/ConditionGroupEditor';
import { GoalEditorContext, type GoalEditorState } from '../goal/goalEditorContext';
import { useWorkbench } from '../state/WorkbenchContext';
import { DEFINITION_PATH, describeConditionPath, refusalText } from './conditionErrors';
import { LiveCount } from './LiveCount';
import { useSegmentCount } from './useSegmentCount';
import { useSegmentFields } from './useSegmentFields';

/** What the builder edits: a new segment (no id) or a saved one, over one run. */
export interface BuilderDraft {
  runId: string;
  segmentId: string | null;
  name: string;
  definition: SegmentDefinition;
}

export interface SegmentBuilderHandle {
  /** Brings the builder into view with the focus on its name. */
  focus(): void;
}

interface SegmentBuilderProps {
  run: RunSummary;
  draft: BuilderDraft;
  onChange(draft: BuilderDraft): void;
  onSaved(segment: SegmentSummary): void;
  onCancel(): void;
  ref?: Ref<SegmentBuilderHandle>;
}

/** Name and conditions of a segment, the same condition editor as the goal's, with a live count beside them. */
export function SegmentBuilder({ run, draft, onChange, onSaved, onCancel, ref }: SegmentBuilderProps) {
  const { client } = useWorkbench();
  const { fields, error: fieldsError, loadFieldValues } = useSegmentFields(run.runId);
  const count = useSegmentCount(run.runId, draft.definition);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const section = useRef<HTMLElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    focus() {
      section.current?.scrollIntoView({ block: 'start' });
      nameInput.current?.focus({ preventScroll: true });
    },
  }));

  const editorState: GoalEditorState = {
    fields: fields ?? [],
    loadFieldValues,
    errorField: count.error?.field ?? null,
    errorMessage: count.error?.message ?? null,
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const name = segmentNameSchema.safeParse(draft.name);
    if (!name.success) {
      setNameError(name.error.issues[0]?.message ?? 'That name cannot be used.');
      nameInput.current?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await client.call('segments.save', { ...(draft.segmentId ? { segmentId: draft.segmentId } : {}), runId: run.runId, name: name.data, definition: draft.definition });
      onSaved(saved);
    } catch (failure) {
      const field = failure instanceof WorkbenchError ? (failure.field ?? null) : null;
      const message = refusalText(failure instanceof Error ? failure.message : String(failure), field);
      if (failure instanceof WorkbenchError && (failure.code === 'conflict' || field === 'name')) {
        setNameError(message);
        nameInput.current?.focus();
      } else {
        const where = describeConditionPath(field);
        setSaveError(where ? `${where}: ${message}` : message);
      }
    } finally {
      setSaving(false);
    }
  };

  const title = draft.segmentId ? 'Edit the segment' : 'New segment';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="segment-builder-heading" data-testid="segment-builder" ref={section}>
      <Title order={2} size="h3" id="segment-builder-heading" mb="md">
        {title}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {/* Enter in the name saves; Enter in a condition's inputs stays with the condition. */}
            <form onSubmit={(event) => void save(event)} aria-label={`${title}: name`}>
            <TextInput
              label="Segment name"
              value={draft.name}
              onChange={(event) => {
                onChange({ ...draft, name: event.currentTarget.value });
                setNameError(null);
              }}
              error={nameError}
              maxLength={120}
              required
              ref={nameInput}
              w={{ base: '100%', sm: 420 }}
              data-testid="segment-name"
            />
            </form>
            <div>
              <Text size="sm" fw={500} mb={4}>
                Customers who match
              </Text>
              {fieldsError ? (
                <Alert color="red" role="alert" title="Cannot read the fields of this run">
                  {fieldsError}
                </Alert>
              ) : (
                <GoalEditorContext.Provider value={editorState}>
                  <ConditionGroupEditor
                    match={draft.definition.match}
                    conditions={draft.definition.conditions}
                    onChange={(match, conditions) => onChange({ ...draft, definition: { match, conditions } })}
                    label="Segment"
                    path={DEFINITION_PATH}
                    emptyText="No conditions: every scored customer."
                    emptyGroupText="Empty group: it matches every customer."
                  />
                </GoalEditorContext.Provider>
              )}
            </div>
            {saveError ? (
              <Alert color="red" role="alert" title="The segment was not saved" data-testid="segment-save-error">
                {saveError}
              </Alert>
            ) : null}
            <Group gap="xs">
              <Button onClick={() => void save()} loading={saving} data-testid="segment-save">
                {draft.segmentId ? 'Save changes' : 'Save segment'}
              </Button>
              <Button variant="default" onClick={onCancel} data-testid="segment-cancel">
                Cancel
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <LiveCount state={count} run={run} />
        </Grid.Col>
      </Grid>
    </Card>
  );
}
