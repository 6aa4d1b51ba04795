import { useEffect, useRef, useState } from 'react';
import type { GoalPreview } from '../../../shared/contract/instances';
import type { InstanceConfig } from '../../../shared/instanceConfig';
import { WorkbenchError } from '../../../shared/errors';
import { useWorkbench } from '../state/WorkbenchContext';

export interface PreviewState {
  preview: GoalPreview | null;
  /** The last refusal: its message and the config path it names, without the `config.` prefix. */
  error: { message: string; field: string | null } | null;
  loading: boolean;
}

const DEBOUNCE_MS = 400;
const MAX_ATTEMPTS = 5;

/** The goal preview of the config being edited, refreshed after each pause in editing; stale answers are dropped. */
export function usePreview(config: InstanceConfig | null): PreviewState {
  const { client } = useWorkbench();
  // The answer is kept with the config it answers, so "loading" is simply: the shown answer is for another config.
  const [answer, setAnswer] = useState<{ key: string; preview: GoalPreview | null; error: PreviewState['error'] } | null>(null);
  const [lastPreview, setLastPreview] = useState<GoalPreview | null>(null);
  const sequence = useRef(0);
  const key = config ? JSON.stringify(config) : null;

  useEffect(() => {
    if (!key) return;
    const request = ++sequence.current;
    let timer: ReturnType<typeof setTimeout>;
    const ask = (attempt: number) =>
      client.call('goals.preview', { config: JSON.parse(key) as InstanceConfig }).then(
        (preview) => {
          if (request !== sequence.current) return;
          setAnswer({ key, preview, error: null });
          setLastPreview(preview);
        },
        (failure: unknown) => {
          if (request !== sequence.current) return;
          // Replaced by a preview from elsewhere (another window) while this one is still the latest: ask again.
          if (failure instanceof WorkbenchError && failure.code === 'cancelled') {
            if (attempt < MAX_ATTEMPTS) timer = setTimeout(() => void ask(attempt + 1), DEBOUNCE_MS);
            return;
          }
          const field = failure instanceof WorkbenchError && failure.field ? failure.field.replace(/^config\./, '') : null;
          const message = failure instanceof Error ? failure.message.replace(/^Invalid input for goals\.preview: /, '') : String(failure);
          setAnswer({ key, preview: null, error: { message, field } });
        },
      );
    timer = setTimeout(() => void ask(1), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, key]);

  const current = answer !== null && answer.key === key;
  return {
    // While a new answer is on its way, the last figures stay on screen (marked as updating) rather than blanking.
    preview: current ? (answer.preview ?? lastPreview) : lastPreview,
    error: current ? answer.error : null,
    loading: key !== null && !current,
  };
}
