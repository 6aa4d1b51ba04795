import { preloadPlotly } from '../charts/Plot';
import { Alert, Button, Card, Group, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { RunSummary } from '../../../shared/contract/runs';
import { segmentNameSchema, type SavedSegment, type SegmentDefinition, type SegmentSummary } from '../../../shared/contract/segments';
import { ConfirmModal } from '../components/ConfirmModal';
import { NameModal } from '../components/NameModal';
import { RunResultPage } from '../runs/RunResultPage';
import { useChosenRun } from '../runs/useChosenRun';
import { useWorkbench, type SegmentDraft } from '../state/WorkbenchContext';
import { Busy } from './Busy';
import { CompareSection } from './CompareSection';
import { ExportModal, type ExportTarget } from './ExportModal';
import { ProfitSection } from './ProfitSection';
import { SegmentBuilder, type BuilderDraft, type SegmentBuilderHandle } from './SegmentBuilder';
import { cutSegmentName, EMPTY_DEFINITION, normalizeDefinition, uniqueName, withProbabilityCut } from './segmentDefinitions';
import { SegmentsFromOtherRuns } from './SegmentsFromOtherRuns';
import { SegmentTable, type SegmentAction } from './SegmentTable';
import { useSegmentList } from './useSegmentList';

function fromDraft(draft: SegmentDraft): BuilderDraft {
  return { runId: draft.runId, segmentId: null, name: draft.name, definition: normalizeDefinition(draft.definition) };
}

/** Cuts a run's scored customers into segments: build with a live count, save, compare, set a cut by money, export. */
export function SegmentsPage({ onOpenTrainPage }: { onOpenTrainPage(): void }) {
  const { workspace } = useWorkbench();
  // Another workspace starts the page afresh.
  return <SegmentsWorkspace key={workspace?.path ?? ''} onOpenTrainPage={onOpenTrainPage} />;
}

function SegmentsWorkspace({ onOpenTrainPage }: { onOpenTrainPage(): void }) {
  const { segmentDraft, draftSegment, selectRun } = useWorkbench();
  const chosenRun = useChosenRun();
  // A draft another page made ("Create segment" on a bucket, a filter) opens in the builder, on its run, once.
  const [builder, setBuilder] = useState<BuilderDraft | null>(() => (segmentDraft ? fromDraft(segmentDraft) : null));
  const [takenDraft, setTakenDraft] = useState<SegmentDraft | null>(segmentDraft);
  if (segmentDraft && segmentDraft !== takenDraft) {
    setTakenDraft(segmentDraft);
    setBuilder(fromDraft(segmentDraft));
  }
  // Plotly is large: it starts loading with the page, not with the first chart.
  useEffect(() => preloadPlotly(), []);
  useEffect(() => {
    if (!segmentDraft) return;
    selectRun(segmentDraft.runId);
    draftSegment(null);
  }, [segmentDraft, selectRun, draftSegment]);

  return (
    <RunResultPage
      page="segments"
      title="Segments"
      description="Cut a run's scored customers by score, bucket, reasons and profile; compare the segments, find the profitable cut and export them."
      purpose="Segments cut the customers a run scored."
      runs={chosenRun}
      onOpenTrainPage={onOpenTrainPage}
      dataAttributes={{ 'data-run-id': chosenRun.chosen?.runId }}
    >
      {(chosen) => <RunSegments key={chosen.runId} run={chosen} builder={builder && builder.runId === chosen.runId ? builder : null} setBuilder={setBuilder} />}
    </RunResultPage>
  );
}

type Dialog = { kind: 'rename' | 'clone' | 'delete'; segment: SavedSegment } | { kind: 'export'; target: ExportTarget } | null;

interface RunSegmentsProps {
  run: RunSummary;
  builder: BuilderDraft | null;
  setBuilder(draft: BuilderDraft | null): void;
}

function RunSegments({ run, builder, setBuilder }: RunSegmentsProps) {
  const { client } = useWorkbench();
  const list = useSegmentList(run.runId);
  const segments = list.segments;
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const builderHandle = useRef<SegmentBuilderHandle>(null);
  // The builder takes the focus when it opens on something (new, edit, a cut), not on every edit.
  const [focusBuilder, setFocusBuilder] = useState(0);
  useEffect(() => {
    if (focusBuilder > 0) builderHandle.current?.focus();
  }, [focusBuilder]);

  const names = (segments ?? []).map((segment) => segment.name);
  const openBuilder = (draft: BuilderDraft) => {
    setBuilder(draft);
    setNotice(null);
    setFocusBuilder((value) => value + 1);
  };
  // Only segments with figures can be compared; those deleted meanwhile leave the comparison.
  const countable = (segments ?? []).filter((segment): segment is SavedSegment & SegmentSummary => segment.stats !== null);
  const known = new Set(countable.map((segment) => segment.segmentId));
  const compared = segments === null ? compareIds : compareIds.filter((id) => known.has(id));

  const toggleCompare = (segmentId: string) =>
    setCompareIds(compared.includes(segmentId) ? compared.filter((id) => id !== segmentId) : [...compared, segmentId].slice(-2));
  const pickCompare = (position: 0 | 1, segmentId: string) => {
    const next = [...compared];
    next[position] = segmentId;
    setCompareIds(next.filter((id): id is string => typeof id === 'string'));
  };

  const onAction = (action: SegmentAction, segment: SavedSegment) => {
    if (action === 'edit') openBuilder({ runId: run.runId, segmentId: segment.segmentId, name: segment.name, definition: segment.definition });
    else if (action === 'export') setDialog({ kind: 'export', target: { runId: run.runId, segmentId: segment.segmentId, name: segment.name } });
    else setDialog({ kind: action, segment });
  };

  const createCut = (from: { name: string | null; definition: SegmentDefinition }, cutoff: number) =>
    openBuilder({ runId: run.runId, segmentId: null, name: uniqueName(cutSegmentName(from.name, cutoff), names), definition: withProbabilityCut(from.definition, cutoff) });

  return (
    <>
      {notice ? (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)} data-testid="segments-notice">
          {notice}
        </Alert>
      ) : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="saved-segments-heading" data-testid="saved-segments" data-current={list.current ? 'true' : 'false'}>
        <Group justify="space-between" mb="md" wrap="wrap">
          <Title order={2} size="h3" id="saved-segments-heading">
            Saved segments
          </Title>
          <Group gap="xs">
            <Button
              onClick={() => openBuilder({ runId: run.runId, segmentId: null, name: uniqueName('New segment', names), definition: EMPTY_DEFINITION })}
              data-testid="segment-new"
            >
              New segment
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'export', target: { runId: run.runId, segmentId: null, name: 'All scores' } })} data-testid="export-all">
              Export all scores
            </Button>
          </Group>
        </Group>
        <SegmentsFromOtherRuns
          runId={run.runId}
          version={list.version}
          onCopied={({ copied, skipped }) => {
            list.refresh();
            const copiedText = copied.length === 0 ? 'No segment was copied.' : `Copied ${copied.length === 1 ? 'one segment' : `${copied.length} segments`} to this run.`;
            const skippedText = skipped.map((entry) => ` “${entry.name}” was not: ${entry.reason}`).join('');
            setNotice(copiedText + skippedText);
          }}
        />
        {list.error ? (
          <Alert color="red" role="alert" title="Cannot read the segments">
            {list.error}
          </Alert>
        ) : segments === null ? (
          <Busy label="Loading the segments…" />
        ) : segments.length === 0 ? (
          <Text data-testid="segments-empty">
            No segments of this run yet. Start one with <strong>New segment</strong>, from a bucket on the Insights page, or from the best cut below.
          </Text>
        ) : (
          <SegmentTable run={run} segments={segments} compareIds={compared} onToggleCompare={toggleCompare} onAction={onAction} labelledBy="saved-segments-heading" />
        )}
      </Card>

      {builder ? (
        <SegmentBuilder
          ref={builderHandle}
          run={run}
          draft={builder}
          onChange={setBuilder}
          onSaved={(saved) => {
            setBuilder(null);
            list.refresh();
            setNotice(`Saved “${saved.name}”: ${saved.stats.customers.toLocaleString('en-US')} customers.`);
          }}
          onCancel={() => setBuilder(null)}
        />
      ) : null}

      {countable.length > 0 ? <CompareSection run={run} segments={countable} compareIds={compared} onPick={pickCompare} version={list.version} /> : null}

      <ProfitSection run={run} building={builder ? { name: builder.name, definition: builder.definition } : null} onCreateCut={createCut} />

      {dialog?.kind === 'export' ? <ExportModal target={dialog.target} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'rename' ? (
        <NameModal
          title={`Rename “${dialog.segment.name}”`}
          initial={dialog.segment.name}
          schema={segmentNameSchema}
          submitLabel="Rename"
          closeWhenUnchanged
          inputTestId="segment-name-input"
          submitTestId="segment-name-submit"
          onSubmit={async (name) => {
            const renamed = await client.call('segments.rename', { segmentId: dialog.segment.segmentId, name });
            if (builder?.segmentId === renamed.segmentId) setBuilder({ ...builder, name: renamed.name });
            list.refresh();
            setNotice(`Renamed to “${renamed.name}”.`);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'clone' ? (
        <NameModal
          title={`Clone “${dialog.segment.name}”`}
          initial={uniqueName(`${dialog.segment.name} (copy)`, names)}
          schema={segmentNameSchema}
          submitLabel="Clone"
          inputTestId="segment-name-input"
          submitTestId="segment-name-submit"
          onSubmit={async (name) => {
            const clone = await client.call('segments.clone', { segmentId: dialog.segment.segmentId, name });
            list.refresh();
            setNotice(`Cloned as “${clone.name}”.`);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmModal
          title="Delete the segment?"
          confirmLabel="Delete"
          cancelLabel="Keep the segment"
          confirmTestId="confirm-action"
          onConfirm={async () => {
            await client.call('segments.delete', { segmentId: dialog.segment.segmentId });
            if (builder?.segmentId === dialog.segment.segmentId) setBuilder(null);
            list.refresh();
            setNotice(`Deleted “${dialog.segment.name}”.`);
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        >
          <Text>“{dialog.segment.name}” will be removed from this workspace. Files already exported stay.</Text>
        </ConfirmModal>
      ) : null}
    </>
  );
}
