import { describe, expect, it } from 'vitest';
import { segmentDefinitionSchema } from '../../../shared/contract/segments';
import { useDemoEngine } from '../../helpers/demoRunWorkspace';

const session = useDemoEngine('pwb-run-rename-');

describe('a run after its profiles dataset is renamed', () => {
  it('follows the new name: its score cards keep the profile and its segments on profile attributes keep counting', async () => {
    const { engine, instance } = session;
    const job = await engine.startRun(instance.id);
    expect((await engine.jobs.wait(job.jobId)).status).toBe('succeeded');
    const [summary] = await engine.runs(instance.id);
    const run = await engine.run(summary!.runId);
    const profiles = (await engine.datasets()).find((dataset) => dataset.kind === 'profiles')!;
    expect(run.config.profiles?.toLowerCase()).toBe(profiles.name.toLowerCase());
    const field = (await engine.segmentFields(run.runId)).find((candidate) => candidate.name.startsWith('profile: '))!;
    const onProfile = await engine.saveSegment({ runId: run.runId, name: 'Has a profile value', definition: segmentDefinitionSchema.parse({ conditions: [{ field: field.name, op: 'exists' }] }) });
    expect(onProfile.stats.customers).toBeGreaterThan(0);
    const { rows } = await engine.customers(run.runId, { filter: { buckets: [], minProbability: 0, maxProbability: 1, search: '' }, sort: { column: 'probability', descending: true }, offset: 0, limit: 1 });
    const card = await engine.scoreCard(run.runId, rows[0]!.customer);
    expect(card.profile.length).toBeGreaterThan(0);

    await engine.renameDataset(profiles.id, 'Customer profiles, renamed');

    expect((await engine.run(run.runId)).config.profiles).toBe('Customer profiles, renamed');
    expect((await engine.segmentFields(run.runId)).map((candidate) => candidate.name)).toContain(field.name);
    const [listed] = await engine.segments(run.runId);
    expect(listed).toMatchObject({ segmentId: onProfile.segmentId, problem: null, stats: onProfile.stats });
    expect((await engine.scoreCard(run.runId, rows[0]!.customer)).profile).toEqual(card.profile);
  });
});
