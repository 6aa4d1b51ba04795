import { Alert, Box, Button, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldInfo, InstanceSummary } from '../../../shared/contract/instances';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { useWorkbench } from '../state/WorkbenchContext';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import { CustomEventsEditor } from './CustomEventsEditor';
import { AsOfSection } from './AsOfSection';
import { ConfigJsonModal } from './ConfigJsonModal';
import { EditorSection } from './EditorSection';
import { loadGoalWork, saveGoalWork } from './goalWork';
import { GoalDefinitionSection } from './GoalDefinitionSection';
import { GoalEditorContext, type GoalEditorState } from './goalEditorContext';
import { instanceNameSchema } from '../../../shared/instanceConfig';
import { ConfirmModal } from '../components/ConfirmModal';
import { DeleteGoalModal } from './DeleteGoalModal';
import { NameModal } from '../components/NameModal';
import { NewInstanceModal } from './InstanceModals';
import { PopulationEditor } from './PopulationEditor';
import { PreviewPanel } from './PreviewPanel';
import { usePreview } from './usePreview';

type Dialog = 'new' | 'rename' | 'clone' | 'delete' | 'json' | { discardThen: () => void } | null;

/** Defines what to predict and for whom, with a live count of the labels it produces; saves instances. */
export function GoalPage() {
  const { client, datasets, workspace } = useWorkbench();
  const workspacePath = workspace?.path ?? '';
  // Edits survive leaving the page and reloading it: the working state is restored for this workspace.
  const [restored] = useState(() => loadGoalWork(workspacePath));
  const eventDatasets = useMemo(() => (datasets ?? []).filter((dataset) => dataset.kind === 'events'), [datasets]);
  const profileDatasets = useMemo(() => (datasets ?? []).filter((dataset) => dataset.kind === 'profiles'), [datasets]);
  const [instances, setInstances] = useState<InstanceSummary[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(restored?.selectedId ?? null);
  const [draft, setDraft] = useState<InstanceConfig | null>(restored?.draft ?? null);
  const [savedJson, setSavedJson] = useState<string | null>(restored?.savedJson ?? null);
  useEffect(() => {
    if (workspacePath && draft) saveGoalWork(workspacePath, { selectedId, draft, savedJson });
  }, [workspacePath, selectedId, draft, savedJson]);
  const [loadedFields, setLoadedFields] = useState<{ datasetId: string; fields: FieldInfo[] } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ color: 'teal' | 'red'; text: string } | null>(null);

  const refreshInstances = useCallback(async () => {
    const { instances: list } = await client.call('instances.list', {});
    setInstances(list);
    return list;
  }, [client]);

  const openInstance = useCallback(
    async (instanceId: string) => {
      const instance = await client.call('instances.get', { instanceId });
      setSelectedId(instance.id);
      setDraft(instance.config);
      setSavedJson(JSON.stringify(instance.config));
      setNotice(null);
    },
    [client],
  );

  const startFromPreset = useCallback(
    async (kind: 'conversion' | 'churn', datasetId: string, windowDays: number) => {
      const { config } = await client.call('instances.preset', { kind, datasetId, windowDays });
      setSelectedId(null);
      setDraft(config);
      setSavedJson(null);
      setNotice(null);
    },
    [client],
  );

  // First visit: open the first saved goal, or start an unsaved conversion goal on the first events dataset.
  // Coming back: keep the restored work, as a new goal if its saved copy was deleted meanwhile.
  const firstEventsId = eventDatasets[0]?.id ?? null;
  useEffect(() => {
    if (instances !== null || datasets === null) return;
    client.call('instances.list', {}).then(
      ({ instances: list }) => {
        setInstances(list);
        if (restored?.draft) {
          if (restored.selectedId && !list.some((instance) => instance.id === restored.selectedId)) {
            setSelectedId(null);
            setSavedJson(null);
          }
        } else if (list[0]) void openInstance(list[0].id);
        else if (firstEventsId) void startFromPreset('conversion', firstEventsId, 30);
      },
      (failure: unknown) => setNotice({ color: 'red', text: failure instanceof Error ? failure.message : String(failure) }),
    );
  }, [client, instances, datasets, firstEventsId, openInstance, startFromPreset, restored]);

  const eventsDataset = draft ? eventDatasets.find((dataset) => dataset.id === draft.events || dataset.name.toLowerCase() === draft.events.toLowerCase()) : undefined;
  const eventsDatasetId = eventsDataset?.id ?? null;
  useEffect(() => {
    if (!eventsDatasetId) return;
    let current = true;
    client.call('goals.fields', { datasetId: eventsDatasetId }).then(
      ({ fields: list }) => current && setLoadedFields({ datasetId: eventsDatasetId, fields: list }),
      () => current && setLoadedFields({ datasetId: eventsDatasetId, fields: [] }),
    );
    return () => {
      current = false;
    };
  }, [client, eventsDatasetId]);
  const fields = loadedFields && loadedFields.datasetId === eventsDatasetId ? loadedFields.fields : [];

  const previewState = usePreview(draft);
  const loadFieldValues = useMemo(
    () => (eventsDatasetId ? (field: string, search: string) => client.call('goals.fieldValues', { datasetId: eventsDatasetId, field, search, limit: 100 }) : null),
    [client, eventsDatasetId],
  );
  const editorState: GoalEditorState = {
    fields,
    loadFieldValues,
    errorField: previewState.error?.field ?? null,
    errorMessage: previewState.error?.message ?? null,
  };
  const dirty = draft !== null && JSON.stringify(draft) !== savedJson;
  const update = (change: Partial<InstanceConfig>) => setDraft((current) => (current ? { ...current, ...change } : current));

  const guardUnsaved = (next: () => void) => (dirty ? setDialog({ discardThen: next }) : next());

  const save = async () => {
    if (!draft) return;
    try {
      const saved = await client.call('instances.save', selectedId ? { instanceId: selectedId, config: draft } : { config: draft });
      setSelectedId(saved.id);
      setDraft(saved.config);
      setSavedJson(JSON.stringify(saved.config));
      await refreshInstances();
      setNotice({ color: 'teal', text: `Saved “${saved.name}”.` });
    } catch (failure) {
      setNotice({ color: 'red', text: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  if (datasets !== null && eventDatasets.length === 0) {
    return (
      <Stack>
        <Title order={1}>Goal</Title>
        <Alert color="blue" title="No events yet">
          A goal is defined over events. Import an events dataset on the Data page first.
        </Alert>
      </Stack>
    );
  }

  return (
    <GoalEditorContext.Provider value={editorState}>
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1}>Goal</Title>
            <Text c="dimmed">What to predict, for whom, and how many customers each label gets at the training cutoff.</Text>
          </div>
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="Saved goals"
              placeholder={instances && instances.length > 0 ? 'Open a saved goal' : 'None saved yet'}
              data={(instances ?? []).map((instance) => ({ value: instance.id, label: instance.name }))}
              value={selectedId}
              onChange={(id) => id && id !== selectedId && guardUnsaved(() => void openInstance(id))}
              allowDeselect={false}
              w={260}
              data-testid="instance-select"
            />
            <Button variant="default" onClick={() => guardUnsaved(() => setDialog('new'))} data-testid="new-goal">
              New…
            </Button>
            <Button onClick={() => void save()} disabled={!draft || (!dirty && selectedId !== null)} data-testid="save-goal">
              {selectedId ? 'Save' : 'Save as new'}
            </Button>
            <Button variant="default" disabled={!selectedId} onClick={() => setDialog('rename')} data-testid="rename-goal">
              Rename
            </Button>
            <Button variant="default" disabled={!selectedId} onClick={() => guardUnsaved(() => setDialog('clone'))} data-testid="clone-goal">
              Clone
            </Button>
            <Button variant="default" color="red" disabled={!selectedId} onClick={() => setDialog('delete')} data-testid="delete-goal">
              Delete
            </Button>
            <Button variant="default" disabled={!draft} onClick={() => setDialog('json')} data-testid="goal-json">
              JSON
            </Button>
          </Group>
        </Group>
        {notice ? (
          <Alert color={notice.color} role={notice.color === 'red' ? 'alert' : 'status'} withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)} data-testid="goal-notice">
            {notice.text}
          </Alert>
        ) : null}
        {draft ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
              <Stack gap="lg">
                <GoalDefinitionSection draft={draft} update={update} dirty={dirty} eventDatasets={eventDatasets} profileDatasets={profileDatasets} />
                <EditorSection title="Who is eligible">
                  <PopulationEditor population={draft.population} onChange={(population) => update({ population })} />
                </EditorSection>
                <EditorSection title="Custom events" description="Named conditions the model learns from, such as “Days since last Cancellation”.">
                  <CustomEventsEditor events={draft.custom_events} onChange={(custom_events) => update({ custom_events })} />
                </EditorSection>
                <EditorSection title="Exclusions" description="Events matching any of these are dropped before anything is computed (test orders, internal accounts).">
                  <ConditionGroupEditor
                    match="any"
                    conditions={draft.exclusions}
                    onChange={(_, exclusions) => update({ exclusions })}
                    label="Exclusion"
                    path="exclusions"
                    showMatch={false}
                    emptyText="Nothing is excluded."
                  />
                </EditorSection>
                <AsOfSection draft={draft} update={update} latestEvent={eventsDataset?.maxTime ?? null} />
              </Stack>
            </Grid.Col>
            {/* On narrow screens the preview comes first, so an edit's effect stays in view. */}
            <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
              <Box style={{ position: 'sticky', top: 72 }}>
                <PreviewPanel state={previewState} propensity={draft.propensity} />
              </Box>
            </Grid.Col>
          </Grid>
        ) : null}
      </Stack>
      {dialog === 'json' && draft ? <ConfigJsonModal config={draft} onClose={() => setDialog(null)} /> : null}
      {dialog === 'new' ? <NewInstanceModal datasets={eventDatasets} onCreate={startFromPreset} onClose={() => setDialog(null)} /> : null}
      {dialog === 'rename' && selectedId && draft ? (
        <NameModal
          title="Rename the goal"
          initial={draft.name}
          schema={instanceNameSchema}
          submitLabel="Rename"
          closeWhenUnchanged
          inputTestId="instance-name-input"
          submitTestId="instance-name-submit"
          onSubmit={async (name) => {
            const renamed = await client.call('instances.rename', { instanceId: selectedId, name });
            // Unsaved edits stay; only the name changes in both the draft and the saved copy.
            setDraft((current) => (current ? { ...current, name: renamed.name } : current));
            setSavedJson(JSON.stringify(renamed.config));
            await refreshInstances();
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'clone' && selectedId && draft ? (
        <NameModal
          title="Clone the goal"
          initial={`${draft.name} (copy)`}
          schema={instanceNameSchema}
          submitLabel="Clone"
          inputTestId="instance-name-input"
          submitTestId="instance-name-submit"
          onSubmit={async (name) => {
            const clone = await client.call('instances.clone', { instanceId: selectedId, name });
            await refreshInstances();
            await openInstance(clone.id);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'delete' && selectedId && draft ? (
        <DeleteGoalModal
          instanceId={selectedId}
          name={draft.name}
          onDeleted={async () => {
            const list = await refreshInstances();
            if (list[0]) await openInstance(list[0].id);
            else {
              setSelectedId(null);
              setSavedJson(null);
            }
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog !== null && typeof dialog === 'object' ? (
        <ConfirmModal
          title="Discard unsaved changes?"
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          confirmTestId="confirm-action"
          onConfirm={async () => {
            setDialog(null);
            dialog.discardThen();
          }}
          onClose={() => setDialog(null)}
        >
          <Text>The edits to this goal have not been saved.</Text>
        </ConfirmModal>
      ) : null}
    </GoalEditorContext.Provider>
  );
}
