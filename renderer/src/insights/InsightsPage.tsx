import { preloadPlotly } from '../charts/Plot';
import { Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { RunInsights } from '../../../shared/contract/insights';
import type { Run } from '../../../shared/contract/runs';
import { RunResultPage } from '../runs/RunResultPage';
import { useChosenRun } from '../runs/useChosenRun';
import { useRun } from '../runs/useRun';
import { BacktestSection } from './BacktestSection';
import { EvaluationSection } from './EvaluationSection';
import { FactorsSection } from './FactorsSection';
import { ScoreDistributionSection } from './ScoreDistributionSection';
import { SummarySection } from './SummarySection';
import { useFeatureDistributions } from './useFeatureDistributions';
import { useInsightsTiming } from './useInsightsTiming';
import { useRunInsights } from './useRunInsights';

/** The charts of the first screen: the page is interactive once they are drawn (the rest draw as they come into view). */
const READY_CHARTS = ['insights-bucket-ring', 'insights-score-histogram'] as const;

/** A run's score distribution, the factors that drive it, and how good the model is. */
export function InsightsPage({ onOpenTrainPage, onOpenSegmentsPage }: { onOpenTrainPage(): void; onOpenSegmentsPage(): void }) {
  const chosenRun = useChosenRun();
  const runId = chosenRun.chosen?.runId ?? null;
  // Both are asked for at once, in the same commit.
  const { run, error: runError } = useRun(runId);
  const { insights, error: insightsError } = useRunInsights(runId);
  const distributions = useFeatureDistributions();
  // Plotly is large: if the app has not loaded it yet, it starts with the run, not after it.
  useEffect(() => preloadPlotly(), []);

  const [drawn, setDrawn] = useState<{ runId: string | null; charts: readonly string[] }>({ runId: null, charts: [] });
  const markDrawn = useCallback(
    (chart: string) => {
      setDrawn((current) => {
        if (current.runId !== runId) return { runId, charts: [chart] };
        return current.charts.includes(chart) ? current : { runId, charts: [...current.charts, chart] };
      });
    },
    [runId],
  );
  const ready = run !== null && insights !== null && drawn.runId === runId && READY_CHARTS.every((chart) => drawn.charts.includes(chart));
  useInsightsTiming(runId, ready);

  return (
    <RunResultPage
      page="insights"
      title="Insights"
      description="How a run's scores spread, the factors that drive them, and how good the model is."
      purpose="Insights describe a trained and scored run: how the scores spread, which factors drive them and how good the model is."
      runs={chosenRun}
      error={runError ?? insightsError}
      onOpenTrainPage={onOpenTrainPage}
      dataAttributes={{ 'data-ready': ready ? 'true' : 'false', 'data-run-id': runId ?? undefined }}
    >
      {() =>
        run === null || insights === null ? (
          <Loader role="status" size="sm" aria-label="Loading the run's insights" />
        ) : (
          // A new run starts its sections afresh: their charts report being drawn again.
          <RunInsightsView key={run.runId} run={run} insights={insights} distributions={distributions} onDrawn={markDrawn} ready={ready} onOpenSegmentsPage={onOpenSegmentsPage} />
        )
      }
    </RunResultPage>
  );
}

interface RunInsightsViewProps {
  run: Run;
  insights: RunInsights;
  distributions: ReturnType<typeof useFeatureDistributions>;
  onDrawn(chart: string): void;
  /** The charts that make the page ready are drawn: the others may follow. */
  ready: boolean;
  onOpenSegmentsPage(): void;
}

function RunInsightsView({ run, insights, distributions, onDrawn, ready, onOpenSegmentsPage }: RunInsightsViewProps) {
  return (
    <>
      <SummarySection run={run} onDrawn={onDrawn} onOpenSegmentsPage={onOpenSegmentsPage} />
      <ScoreDistributionSection run={run} insights={insights} onDrawn={onDrawn} />
      <FactorsSection run={run} insights={insights} distributions={distributions} deferCharts={!ready} />
      <EvaluationSection run={run} deferCharts={!ready} />
      {run.realized ? <BacktestSection run={run} realized={run.realized} deferCharts={!ready} /> : null}
    </>
  );
}
