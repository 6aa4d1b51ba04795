import { Text } from '@mantine/core';
import type { Data } from 'plotly.js-dist-min';
import type { ScoreCard } from '../../../shared/contract/insights';
import { Plot, plotConfig } from '../charts/Plot';
import { usePlotTheme } from '../charts/usePlotTheme';
import { useVerdictColor } from '../components/useVerdictColor';
import { BAD_FILL, GOOD_FILL, NEUTRAL_FILL, raisingIsGood, type Propensity } from './bucketColor';
import { escapeChartText, labelMargin, wrapLabel } from './chartText';
import { cssColor, formatPoints, formatProbability } from './customerFormat';
import classes from './ScoreCard.module.css';
import { waterfallSteps } from './waterfallSteps';

/** Factors drawn one by one; the rest are summed into one step. */
const TOP_FACTORS = 10;

/** From the base rate, factor by factor, to the customer's probability, in probability points; with the sentences in a list. */
export function FactorWaterfall({ card, propensity }: { card: ScoreCard; propensity: Propensity }) {
  const theme = usePlotTheme();
  const verdict = useVerdictColor();
  const { steps, shown, otherCount } = waterfallSteps(card, TOP_FACTORS);
  const other = steps.find((step) => step.kind === 'other');
  const good = raisingIsGood(propensity);
  const pointsColor = (points: number) => (points === 0 ? undefined : cssColor(verdict(points > 0 === good)));
  const probability = formatProbability(card.probability);
  const ticks = steps.map((step) => wrapLabel(step.label));

  const trace = {
    type: 'waterfall',
    orientation: 'h',
    measure: steps.map((step) => (step.kind === 'base' ? 'absolute' : step.kind === 'total' ? 'total' : 'relative')),
    y: steps.map((_, index) => index),
    x: steps.map((step) => (step.kind === 'total' ? 0 : step.points * 100)),
    text: steps.map((step) => (step.kind === 'base' ? formatProbability(step.points) : step.kind === 'total' ? probability : formatPoints(step.points))),
    textposition: 'outside',
    cliponaxis: false,
    customdata: steps.map((step) => escapeChartText(step.sentence)),
    hovertemplate: '%{customdata}<extra></extra>',
    connector: { line: { color: theme.xaxis?.gridcolor ?? '#ced4da', width: 1 } },
    increasing: { marker: { color: good ? GOOD_FILL : BAD_FILL } },
    decreasing: { marker: { color: good ? BAD_FILL : GOOD_FILL } },
    totals: { marker: { color: NEUTRAL_FILL } },
  } as unknown as Data;

  return (
    <div>
      <div role="figure" aria-label={`How the factors move the probability from the base rate of ${formatProbability(card.baseRate)} to ${probability}`} data-testid="score-card-waterfall">
        <Plot
          data={[trace]}
          layout={{
            ...theme,
            height: 72 + steps.length * 34,
            // Margins are set rather than found by Plotly, which would draw the chart again for each adjustment.
            margin: { l: labelMargin(ticks), r: 64, t: 8, b: 40 },
            showlegend: false,
            xaxis: { ...theme.xaxis, title: { text: 'Probability (%)' }, ticksuffix: '%', zeroline: false },
            yaxis: {
              ...theme.yaxis,
              autorange: 'reversed',
              tickmode: 'array',
              tickvals: steps.map((_, index) => index),
              ticktext: ticks,
            },
          }}
          config={plotConfig}
          style={{ width: '100%' }}
        />
      </div>
      <Text size="sm" mt="xs">
        From the base rate of{' '}
        <Text span fw={700} data-testid="score-card-base-rate" data-value={card.baseRate}>
          {formatProbability(card.baseRate)}
        </Text>{' '}
        to a probability of{' '}
        <Text span fw={700} data-testid="waterfall-end">
          {probability}
        </Text>
        {otherCount > 0 ? `: the ${shown.length} largest factors one by one, the other ${otherCount} together.` : '.'}
      </Text>
      {/* Plain elements: a card draws these for every customer opened, and they are many. */}
      <ol className={classes.factors} data-testid="score-card-factors">
        {shown.map((factor) => (
          <li key={factor.key} data-testid="score-card-factor" data-key={factor.key} data-points={factor.points}>
            <span className={classes.points} style={{ color: pointsColor(factor.points) }}>
              {formatPoints(factor.points)}
            </span>{' '}
            {factor.sentence}
          </li>
        ))}
        {other ? (
          <li data-testid="score-card-factor-other" data-points={other.points}>
            <span className={classes.points} style={{ color: pointsColor(other.points) }}>
              {formatPoints(other.points)}
            </span>{' '}
            {other.label}, together
          </li>
        ) : null}
      </ol>
    </div>
  );
}
