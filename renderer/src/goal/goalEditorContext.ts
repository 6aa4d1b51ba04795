import { createContext, useContext } from 'react';
import type { FieldInfo, FieldValues } from '../../../shared/contract/instances';

/** Reads a field's frequent values (narrowed by a search) or its range, for the value pickers. */
export type FieldValuesLoader = (field: string, search: string) => Promise<FieldValues>;

/**
 * What the condition editor edits against; the Goal page provides it over an events dataset, the Segments page over
 * a run's segment fields.
 */
export interface GoalEditorState {
  /** The fields the conditions can test. */
  fields: readonly FieldInfo[];
  /** Where the value pickers read suggestions from; null: none (no source yet). Keep it stable between renders. */
  loadFieldValues: FieldValuesLoader | null;
  /** Path of the node the last check refused (`goal.conditions.1.value`), as the editor's `path` props spell it. */
  errorField: string | null;
  errorMessage: string | null;
}

export const GoalEditorContext = createContext<GoalEditorState>({ fields: [], loadFieldValues: null, errorField: null, errorMessage: null });

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
