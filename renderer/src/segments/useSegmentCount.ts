import { useEffect, useRef, useState } from 'react';
import type { SegmentDefinition, SegmentStats } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import { useWorkbench } from '../state/WorkbenchContext';
import { refusalText } from './conditionErrors';
import { definitionKey, parseDefinitionKey } from './segmentDefinitions';

export interface SegmentCountState {
  /** The figures of the definition being edited, or of the last one that counted while a new answer is on its way. */
  stats: SegmentStats | null;
  /** The engine's refusal of the current definition, with the path of the node it concerns. */
  error: { message: string; field: string | null } | null;
  /** The figures shown are not (yet) the current definition's. */
  stale: boolean;
  loading: boolean;
}

const DEBOUNCE_MS = 350;

/** The live count of a definition (its key stands for it: an equal definition asks nothing new), asked for after each pause in editing; answers to older edits are dropped. */
export function useSegmentCount(runId: string, definition: SegmentDefinition | null): SegmentCountState {
  const { client } = useWorkbench();
  const [answer, setAnswer] = useState<{ key: string; stats: SegmentStats | null; error: SegmentCountState['error'] } | null>(null);
  const [last, setLast] = useState<{ runId: string; stats: SegmentStats } | null>(null);
  const sequence = useRef(0);
  const key = definition ? definitionKey(runId, definition) : null;

  useEffect(() => {
    if (!key) return;
    const request = ++sequence.current;
    const asked = parseDefinitionKey(key);
    const timer = setTimeout(() => {
      client.call('segments.count', asked).then(
        (stats) => {
          if (request !== sequence.current) return;
          setAnswer({ key, stats, error: null });
          setLast({ runId: asked.runId, stats });
        },
        (failure: unknown) => {
          if (request !== sequence.current) return;
          const field = failure instanceof WorkbenchError && failure.field ? failure.field : null;
          const message = refusalText(failure instanceof Error ? failure.message : String(failure), field);
          setAnswer({ key, stats: null, error: { message, field } });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, key]);

  const current = answer !== null && answer.key === key;
  const lastStats = last && last.runId === runId ? last.stats : null;
  return {
    stats: current && answer.stats ? answer.stats : lastStats,
    error: current ? answer.error : null,
    stale: !current || answer.stats === null,
    loading: key !== null && !current,
  };
}
