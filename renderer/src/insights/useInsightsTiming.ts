import { useEffect, useRef, useState } from 'react';

export const INSIGHTS_OPEN_MARK = 'insights:open';
export const INSIGHTS_INTERACTIVE_MEASURE = 'insights-interactive';

/**
 * Times the page: `insights:open` is marked when the page mounts and again when another run is shown (once per run
 * id; the first run the page settles on belongs to the opening mark), and `insights-interactive` is measured from it
 * after the first render in which that run's page is ready.
 */
export function useInsightsTiming(runId: string | null, ready: boolean): void {
  const [marked, setMarked] = useState<{ runId: string | null }>(() => {
    performance.mark(INSIGHTS_OPEN_MARK);
    return { runId: null };
  });
  if (runId !== null && marked.runId !== runId) {
    if (marked.runId !== null) performance.mark(INSIGHTS_OPEN_MARK);
    setMarked({ runId });
  }

  const measured = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || runId === null || measured.current === runId) return;
    measured.current = runId;
    try {
      performance.measure(INSIGHTS_INTERACTIVE_MEASURE, INSIGHTS_OPEN_MARK);
    } catch {
      // The mark was cleared by whoever reads the timings: nothing to measure from.
    }
  }, [ready, runId]);
}
