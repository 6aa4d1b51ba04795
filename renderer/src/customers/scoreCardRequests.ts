import type { ScoreCard } from '../../../shared/contract/insights';

export type FetchScoreCard = (runId: string, customer: string) => Promise<ScoreCard>;

/**
 * The score cards asked for on one page, by run and customer: a card is asked for the moment it is opened (before
 * anything is drawn), asked for once however many times it opens, and the last few answers stay at hand.
 */
export class ScoreCardRequests {
  private readonly pending = new Map<string, Promise<ScoreCard>>();
  private readonly answers = new Map<string, ScoreCard>();

  constructor(
    private readonly fetchCard: FetchScoreCard,
    private readonly keep = 20,
  ) {}

  load(runId: string, customer: string): Promise<ScoreCard> {
    const id = `${runId}\n${customer}`;
    const answered = this.answers.get(id);
    if (answered) return Promise.resolve(answered);
    const asked = this.pending.get(id);
    if (asked) return asked;
    const promise = this.fetchCard(runId, customer).then(
      (card) => {
        this.pending.delete(id);
        this.answers.set(id, card);
        while (this.answers.size > this.keep) this.answers.delete(this.answers.keys().next().value as string);
        return card;
      },
      (failure: unknown) => {
        this.pending.delete(id);
        throw failure;
      },
    );
    this.pending.set(id, promise);
    return promise;
  }

  /** The card when its answer is already here. */
  peek(runId: string, customer: string): ScoreCard | undefined {
    return this.answers.get(`${runId}\n${customer}`);
  }
}
