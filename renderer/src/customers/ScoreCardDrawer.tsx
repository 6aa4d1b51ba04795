import { Alert, Drawer, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo, useLayoutEffect, type ReactNode } from 'react';
import type { ScoreCard } from '../../../shared/contract/insights';
import type { RunSummary } from '../../../shared/contract/runs';
import { Figure } from '../components/Figure';
import { useVerdictColor } from '../components/useVerdictColor';
import { formatCount } from '../format';
import { useBucketColors } from './bucketColor';
import { formatProbability } from './customerFormat';
import { BUCKET_NAMES } from './customerQuery';
import { EventTimeline } from './EventTimeline';
import { FactorDistributions } from './FactorDistributions';
import { FactorWaterfall } from './FactorWaterfall';
import type { ScoreCardRequests } from './scoreCardRequests';
import classes from './ScoreCard.module.css';
import { useScoreCard } from './useScoreCard';
import { byEffect } from './waterfallSteps';

/** Which customer's card to show; `openId` grows with every opening, even of the same customer. */
export interface CardRequest {
  customer: string;
  openId: number;
}

/** How many of the largest factors show where the customer stands in the population. */
const DISTRIBUTION_FACTORS = 5;

/** Marks the moment a card is asked for; the card measures from it to the moment its answer is on screen. */
export function markCardOpen(): void {
  performance.mark('score-card:open');
}

/**
 * A customer's score card in a drawer. The card is asked for in the same moment the drawer opens; until it arrives
 * the drawer holds a loader. (The drawer is not kept mounted while closed: charts hidden with `display: none`
 * would all redraw when shown again, as Plotly follows their size.)
 */
export function ScoreCardDrawer({
  run,
  requests,
  request,
  opened,
  onClose,
}: {
  run: RunSummary;
  requests: ScoreCardRequests;
  request: CardRequest | null;
  opened: boolean;
  onClose(): void;
}) {
  const customer = request?.customer ?? null;
  const openId = request?.openId ?? 0;
  const { shown, ready, error } = useScoreCard(requests, run.runId, customer);

  useLayoutEffect(() => {
    if (!ready || openId === 0) return;
    if (performance.getEntriesByName('score-card:open', 'mark').length > 0) performance.measure('score-card', 'score-card:open');
  }, [ready, openId]);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      transitionProps={{ duration: 150 }}
      closeButtonProps={{ 'aria-label': 'Close the score card' }}
      title={customer === null ? 'Customer' : `Customer ${customer}`}
    >
      {customer === null ? null : (
        <Stack gap="lg" data-testid="score-card" data-customer={customer} data-ready={ready ? 'true' : 'false'}>
          {error !== null ? (
            <Alert color="red" title="Cannot load the score card" role="alert">
              {error}
            </Alert>
          ) : ready && shown !== null ? (
            <CardContent card={shown} run={run} />
          ) : (
            <Loader role="status" size="sm" aria-label="Loading the score card" />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Everything one answer shows; drawn again only when the answer changes. */
const CardContent = memo(function CardContent({ card, run }: { card: ScoreCard; run: RunSummary }) {
  const bucketColors = useBucketColors(run.propensity);
  const verdict = useVerdictColor();
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: card.realized === null ? 4 : 5 }} spacing="md">
        <Figure label="Probability" value={formatProbability(card.probability)} testId="score-card-probability" />
        <Figure label="Score" value={card.score.toFixed(1)} detail="of 100" testId="score-card-score" />
        <Figure label="Percentile" value={String(card.percentile)} detail="among the scored" testId="score-card-percentile" />
        <Stack gap={2}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Bucket
          </Text>
          <Text size="lg" fw={700} c={bucketColors[card.bucket]} data-testid="score-card-bucket" data-bucket={card.bucket}>
            {BUCKET_NAMES[card.bucket]}
          </Text>
        </Stack>
        {card.realized === null ? null : (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Outcome
            </Text>
            <Text size="lg" fw={700} c={verdict(card.realized === (run.propensity === 'conversion'))} data-testid="score-card-realized" data-realized={card.realized}>
              {card.realized ? 'Yes' : 'No'}
            </Text>
            <Text size="xs" c="dimmed">
              {card.realized ? 'reached' : 'did not reach'} the goal within {run.windowDays} days
            </Text>
          </Stack>
        )}
      </SimpleGrid>

      <Section id="score-card-why" title="Why this probability">
        <FactorWaterfall card={card} propensity={run.propensity} />
      </Section>

      <Section id="score-card-events" title="Events in the year up to as of" testId="score-card-events">
        <EventTimeline timeline={card.timeline} />
      </Section>

      {card.profile.length === 0 ? null : (
        <Section id="score-card-profile" title="Profile" testId="score-card-profile">
          <table className={classes.profile} aria-labelledby="score-card-profile" data-testid="score-card-profile-table">
            <tbody>
              {card.profile.map((attribute) => (
                <tr key={attribute.name}>
                  <th scope="row">{attribute.name}</th>
                  <td>{attribute.value ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}

      <Section id="score-card-standing" title="Where this customer stands" testId="score-card-standing">
        <Text size="sm" c="dimmed">
          The {DISTRIBUTION_FACTORS} largest factors, among all {formatCount(run.scored)} scored customers.
        </Text>
        <FactorDistributions key={card.customer} runId={card.runId} factors={byEffect(card.factors).slice(0, DISTRIBUTION_FACTORS)} />
      </Section>
    </>
  );
});
