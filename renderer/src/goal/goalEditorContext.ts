import { createContext, useContext } from 'react';
import type { FieldInfo } from '../../../shared/contract/instances';

export interface GoalEditorState {
  /** The events dataset the conditions test, and its fields. */
  datasetId: string | null;
  fields: readonly FieldInfo[];
  /** Path of the node the last preview refused (`goal.conditions.1.value`), without the `config.` prefix. */
  errorField: string | null;
  errorMessage: string | null;
}

export const GoalEditorContext = createContext<GoalEditorState>({ datasetId: null, fields: [], errorField: null, errorMessage: null });

export function useGoalEditor(): GoalEditorState {
  return useContext(GoalEditorContext);
}

/** The refusal that concerns the node at `path` itself (not one of its children), if any. */
export function errorAt(state: GoalEditorState, path: string): string | null {
  const field = state.errorField;
  if (!field || !state.errorMessage) return null;
  if (field === path || field === `${path}.field` || field === `${path}.op` || field.startsWith(`${path}.value`)) return state.errorMessage;
  return null;
}
