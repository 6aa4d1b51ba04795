import type { InstanceConfig } from '../../../shared/instanceConfig';

/** The Goal page's working state, kept per workspace for the session so that leaving the page (or reloading) loses no edit. */
export interface GoalWork {
  selectedId: string | null;
  draft: InstanceConfig | null;
  /** The saved config as JSON, to tell unsaved edits; null for a goal never saved. */
  savedJson: string | null;
}

const storageKey = (workspacePath: string) => `pwb.goal-work:${workspacePath}`;

export function loadGoalWork(workspacePath: string): GoalWork | null {
  try {
    const text = sessionStorage.getItem(storageKey(workspacePath));
    if (!text) return null;
    const work = JSON.parse(text) as Partial<GoalWork>;
    // Written by this page; a draft may be half-edited (not yet valid), so only its shape is checked.
    const draft = work.draft;
    if (!draft || typeof draft !== 'object' || typeof draft.goal !== 'object' || !Array.isArray(draft.goal.conditions)) return null;
    return { selectedId: typeof work.selectedId === 'string' ? work.selectedId : null, draft, savedJson: typeof work.savedJson === 'string' ? work.savedJson : null };
  } catch {
    return null;
  }
}

export function saveGoalWork(workspacePath: string, work: GoalWork): void {
  try {
    sessionStorage.setItem(storageKey(workspacePath), JSON.stringify(work));
  } catch {
    // Storage full or disabled: the edits still live on this page, just not across a reload.
  }
}
