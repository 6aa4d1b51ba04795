import { useEffect, useState } from 'react';
import type { ScoreCard } from '../../../shared/contract/insights';
import type { ScoreCardRequests } from './scoreCardRequests';

type Loaded = { runId: string; customer: string; card: ScoreCard } | { runId: string; customer: string; error: string };

/** One customer's score card: `shown` is the last card answered for the run, `ready` says whether it is the one asked for. */
export function useScoreCard(requests: ScoreCardRequests, runId: string, customer: string | null): { shown: ScoreCard | null; ready: boolean; error: string | null } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (customer === null) return;
    let current = true;
    requests.load(runId, customer).then(
      (card) => current && setLoaded({ runId, customer, card }),
      (failure: unknown) => current && setLoaded({ runId, customer, error: failure instanceof Error ? failure.message : String(failure) }),
    );
    return () => {
      current = false;
    };
  }, [requests, runId, customer]);

  // An answer already at hand (a card opened again) shows at once.
  const atHand = customer === null ? undefined : requests.peek(runId, customer);
  if (atHand) return { shown: atHand, ready: true, error: null };
  const sameRun = loaded !== null && loaded.runId === runId;
  const forCustomer = sameRun && loaded.customer === customer;
  return {
    shown: sameRun && 'card' in loaded ? loaded.card : null,
    ready: forCustomer && 'card' in loaded,
    error: forCustomer && 'error' in loaded ? loaded.error : null,
  };
}
