import type { SegmentCarryOver } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import type { Database } from '../sql/database';
import type { SegmentCatalog } from './segmentFields';
import { segmentStats } from './segmentQuery';
import { getSegment, saveSegment } from './segmentStore';

/**
 * Saves copies of segments from other runs of the same goal on the catalog's run, under the same names. A segment
 * whose definition does not hold over this run (a feature the new run lacks), whose name the run already has, or
 * that belongs to another goal is skipped with the reason; the others are copied.
 */
export async function copySegmentsToRun(db: Database, catalog: SegmentCatalog, segmentIds: readonly string[]): Promise<SegmentCarryOver> {
  const { run } = catalog;
  const result: SegmentCarryOver = { copied: [], skipped: [] };
  for (const segmentId of new Set(segmentIds)) {
    const segment = await getSegment(db, segmentId);
    const source = await db.one(`SELECT instance_id FROM pwb.runs WHERE id = $1`, [segment.runId]);
    const skip = (reason: string) => result.skipped.push({ segmentId, name: segment.name, reason });
    if (segment.runId === run.runId) skip('It is already on this run.');
    else if (String(source?.['instance_id']) !== run.instanceId) skip(`It was saved on a run of another goal, not "${run.instanceName}".`);
    else {
      try {
        const stats = await segmentStats(db, catalog, segment.definition);
        result.copied.push({ ...(await saveSegment(db, { runId: run.runId, name: segment.name, definition: segment.definition })), stats });
      } catch (error) {
        if (!(error instanceof WorkbenchError)) throw error;
        skip(error.message);
      }
    }
  }
  return result;
}
