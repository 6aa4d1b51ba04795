import { randomBytes } from 'node:crypto';
import { segmentDefinitionSchema, type Segment, type SegmentDefinition, type SegmentElsewhere } from '../../../shared/contract/segments';
import { WorkbenchError } from '../../../shared/errors';
import type { Database, Row } from '../sql/database';

/** Saved segments live in the workspace catalog (pwb.segments), each over one run; names are unique per run. */

const SEGMENT_COLUMNS = `id, run_id, name, CAST(definition AS VARCHAR) AS definition,
  strftime(created_at, '%Y-%m-%dT%H:%M:%S') AS created_at, strftime(coalesce(updated_at, created_at), '%Y-%m-%dT%H:%M:%S') AS updated_at`;
const SELECT_SEGMENT = `SELECT ${SEGMENT_COLUMNS} FROM pwb.segments`;

export function newSegmentId(): string {
  return `seg_${randomBytes(6).toString('hex')}`;
}

export async function listSegments(db: Database, runId?: string): Promise<Segment[]> {
  const rows = await db.all(`${SELECT_SEGMENT} ${runId === undefined ? '' : 'WHERE run_id = $1'} ORDER BY lower(name), id`, runId === undefined ? [] : [runId]);
  return rows.map(toSegment);
}

export async function getSegment(db: Database, segmentId: string): Promise<Segment> {
  const row = await db.one(`${SELECT_SEGMENT} WHERE id = $1`, [segmentId]);
  if (!row) throw new WorkbenchError('not_found', `No segment ${segmentId} in this workspace.`, 'segmentId');
  return toSegment(row);
}

const matches = (reference: string) => (segment: Segment) => segment.segmentId === reference || segment.name.toLowerCase() === reference.toLowerCase();

/**
 * A saved segment by id, or by name (ignoring case): the run's own, else the one of that name on the goal's newest
 * other run that has it (so `--run latest` finds a segment saved before the goal was retrained). The definition is
 * then applied to the run asked for.
 */
export async function findSegment(db: Database, runId: string, reference: string): Promise<Segment> {
  const segments = await listSegments(db, runId);
  const found = segments.find(matches(reference)) ?? (await segmentsOnOtherRuns(db, runId)).find(matches(reference));
  if (found) return found;
  const names = segments.map((segment) => `"${segment.name}"`).join(', ');
  throw new WorkbenchError('not_found', `The run ${runId} has no segment "${reference}" (${names.length > 0 ? `its segments: ${names}` : 'it has no saved segment'}).`, 'segment');
}

/**
 * The segments saved on the goal's other runs whose names this run does not have yet: one per name (ignoring case),
 * from the newest run that has it. A new run of a goal starts without segments; these can be carried over to it.
 */
export async function segmentsOnOtherRuns(db: Database, runId: string): Promise<SegmentElsewhere[]> {
  const rows = await db.all(
    `WITH this_run AS (SELECT instance_id FROM pwb.runs WHERE id = $1),
      candidates AS (
        SELECT s.*, r.version AS run_version,
          row_number() OVER (PARTITION BY lower(s.name) ORDER BY r.created_at DESC, r.version DESC) AS newest
        FROM pwb.segments s JOIN pwb.runs r ON r.id = s.run_id
        WHERE r.instance_id = (SELECT instance_id FROM this_run) AND s.run_id <> $1
          AND lower(s.name) NOT IN (SELECT lower(name) FROM pwb.segments WHERE run_id = $1)
      )
    SELECT ${SEGMENT_COLUMNS}, run_version FROM candidates WHERE newest = 1 ORDER BY lower(name), id`,
    [runId],
  );
  return rows.map((row) => ({ ...toSegment(row), runVersion: Number(row['run_version']) }));
}

/** Creates a segment (no id) or replaces the name and definition of a saved one. */
export async function saveSegment(db: Database, input: { segmentId?: string; runId: string; name: string; definition: SegmentDefinition }, nameField = 'name'): Promise<Segment> {
  if (input.segmentId !== undefined) {
    const existing = await getSegment(db, input.segmentId);
    if (existing.runId !== input.runId) throw new WorkbenchError('invalid_input', `The segment ${input.segmentId} belongs to the run ${existing.runId}, not ${input.runId}.`, 'runId');
  }
  await refuseTakenName(db, input.runId, input.name, input.segmentId ?? null, nameField);
  const segmentId = input.segmentId ?? newSegmentId();
  const definition = JSON.stringify(input.definition);
  if (input.segmentId === undefined) {
    await db.run(
      `INSERT INTO pwb.segments (id, run_id, name, definition, created_at, updated_at) VALUES ($1, $2, $3, $4::JSON, now()::TIMESTAMP, now()::TIMESTAMP)`,
      [segmentId, input.runId, input.name, definition],
    );
  } else {
    await db.run(`UPDATE pwb.segments SET name = $2, definition = $3::JSON, updated_at = now()::TIMESTAMP WHERE id = $1`, [segmentId, input.name, definition]);
  }
  return getSegment(db, segmentId);
}

export async function renameSegment(db: Database, segmentId: string, name: string): Promise<Segment> {
  const segment = await getSegment(db, segmentId);
  return saveSegment(db, { ...segment, name });
}

/** A copy under a new name: the one given, or "<name> (copy)", "<name> (copy 2)", … */
export async function cloneSegment(db: Database, segmentId: string, name?: string): Promise<Segment> {
  const segment = await getSegment(db, segmentId);
  let cloneName = name;
  if (cloneName === undefined) {
    const taken = new Set((await listSegments(db, segment.runId)).map((other) => other.name.toLowerCase()));
    cloneName = `${segment.name} (copy)`;
    for (let n = 2; taken.has(cloneName.toLowerCase()); n++) cloneName = `${segment.name} (copy ${n})`;
  }
  return saveSegment(db, { runId: segment.runId, name: cloneName, definition: segment.definition });
}

export async function deleteSegment(db: Database, segmentId: string): Promise<boolean> {
  await getSegment(db, segmentId);
  await db.run(`DELETE FROM pwb.segments WHERE id = $1`, [segmentId]);
  return true;
}

async function refuseTakenName(db: Database, runId: string, name: string, exceptId: string | null, field: string): Promise<void> {
  const row = await db.one(`SELECT id FROM pwb.segments WHERE run_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3`, [runId, name, exceptId]);
  if (row) throw new WorkbenchError('conflict', `This run already has a segment named "${name}"; choose another name.`, field);
}

function toSegment(row: Row): Segment {
  return {
    segmentId: String(row['id']),
    runId: String(row['run_id']),
    name: String(row['name']),
    definition: segmentDefinitionSchema.parse(JSON.parse(String(row['definition']))),
    createdAt: String(row['created_at']),
    updatedAt: String(row['updated_at']),
  };
}
