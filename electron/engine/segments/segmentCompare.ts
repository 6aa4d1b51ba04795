import type { Segment, SegmentComparison, SegmentSummary } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import { SqlParameters } from '../conditions/sqlParameters';
import { featureBinning } from '../insights/featureBins';
import { runTables } from '../pipeline/runStore';
import type { Database } from '../sql/database';
import { quoteIdentifier } from '../sql/quote';
import type { SegmentCatalog } from './segmentFields';
import { segmentRowsSql, segmentStats } from './segmentQuery';

const PROBABILITY_BINS = 20;
/** Factors compared: the leading top reasons of either segment. */
const FACTORS_PER_SEGMENT = 3;

/** Two segments of one run on the same probability bins and, for their leading factors, the same feature bins. */
export async function compareSegments(db: Database, catalog: SegmentCatalog, pair: [Segment, Segment], bins: number): Promise<SegmentComparison> {
  const { run } = catalog;
  if (pair[0].runId !== pair[1].runId || pair[0].runId !== run.runId) throw new WorkbenchError('invalid_input', 'Only segments of the same run can be compared.', 'segmentIds');
  const summaries = (await Promise.all(pair.map(async (segment) => ({ ...segment, stats: await segmentStats(db, catalog, segment.definition) })))) as [SegmentSummary, SegmentSummary];

  const width = 1 / PROBABILITY_BINS;
  const probabilityBins = Array.from({ length: PROBABILITY_BINS }, (_, index) => ({ lower: index * width, upper: (index + 1) * width, counts: [0, 0] }));
  for (const [side, segment] of pair.entries()) {
    const params = new SqlParameters();
    const rows = await db.all(
      `SELECT least(CAST(floor(probability * ${PROBABILITY_BINS}) AS INTEGER), ${PROBABILITY_BINS - 1}) AS bin, count(*) AS n ${segmentRowsSql(catalog, segment.definition, params)} GROUP BY 1`,
      params.values,
    );
    for (const row of rows) probabilityBins[Number(row['bin'])].counts[side] += Number(row['n']);
  }

  const keys = [...new Set(summaries.flatMap((summary) => summary.stats.topFactors.slice(0, FACTORS_PER_SEGMENT).map((factor) => factor.key)))];
  const factors: SegmentComparison['factors'] = [];
  for (const key of keys) {
    const feature = run.features.find((candidate) => candidate.key === key);
    if (!feature) continue;
    const binning = await featureBinning(db, run.runId, feature, bins);
    const counts = binning.bins.map(() => [0, 0]);
    const missing = [0, 0];
    for (const [side, segment] of pair.entries()) {
      const params = new SqlParameters();
      const bin = binning.binSql(`f.${quoteIdentifier(feature.key)}`, params);
      const rows = await db.all(
        `WITH members AS (SELECT customer ${segmentRowsSql(catalog, segment.definition, params)})
         SELECT ${bin} AS bin, count(*) AS n FROM ${runTables(run.runId).features} f SEMI JOIN members m ON m.customer = f.customer GROUP BY 1`,
        params.values,
      );
      for (const row of rows) {
        if (row['bin'] === null || row['bin'] === undefined) missing[side] += Number(row['n']);
        else counts[Number(row['bin'])][side] += Number(row['n']);
      }
    }
    factors.push({ key, label: feature.label, kind: binning.kind, bins: binning.bins.map((entry, index) => ({ label: entry.label, counts: counts[index] })), missing });
  }
  return { runId: run.runId, segments: summaries, probabilityBins, factors };
}
