import { describe, expect, it } from 'vitest';
import type { InstanceSummary } from '../../../shared/contract/instances';
import type { RunSummary } from '../../../shared/contract/runs';
import { deletedGoalsOf } from '../../../renderer/src/train/useSavedGoals';

const goal = (id: string, name: string): InstanceSummary => ({ id, name, propensity: 'conversion', events: 'events', windowDays: 30, updatedAt: '2026-01-01T00:00:00' });
const run = (runId: string, instanceId: string, instanceName: string) => ({ runId, instanceId, instanceName }) as RunSummary;

describe('deleted goals on the Train page', () => {
  it('lists each goal that has runs but is no longer saved once, named by its newest run', () => {
    const goals = [goal('in_kept', 'Kept')];
    const runs = [run('run_3', 'in_gone', 'Gone, renamed last'), run('run_2', 'in_kept', 'Kept'), run('run_1', 'in_gone', 'Gone')];
    expect(deletedGoalsOf(goals, runs)).toEqual([{ id: 'in_gone', name: 'Gone, renamed last' }]);
    expect(deletedGoalsOf([...goals, goal('in_gone', 'Gone')], runs)).toEqual([]);
  });
});
