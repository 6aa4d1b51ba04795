import type { DatasetKind } from '../../../../shared/contract/datasets';
import type { ImportMapping, ImportPreview, ImportSuggestion } from '../../../../shared/contract/imports';

/** Time-format choices besides the detected candidates. */
export const DETECT_TIME_FORMAT = 'detect';
export const CUSTOM_TIME_FORMAT = 'custom';

/** The mapping form's fields as the user edits them. */
export interface MappingDraft {
  name: string;
  kind: DatasetKind;
  idColumn: string | null;
  timeColumn: string | null;
  /** A candidate format, DETECT_TIME_FORMAT, CUSTOM_TIME_FORMAT, or null while the user has yet to choose. */
  timeFormatChoice: string | null;
  customTimeFormat: string;
  timeZone: string;
  eventTypeColumn: string | null;
  numericIds: boolean;
}

export type MappingErrors = Partial<Record<keyof MappingDraft, string>>;

/** The formats known to read the given time column: the suggestion's, when it is the suggested column. */
export function timeFormatCandidates(suggestion: ImportSuggestion, timeColumn: string | null): string[] {
  return timeColumn !== null && timeColumn === suggestion.timeColumn ? suggestion.timeFormats : [];
}

/** One candidate is taken, none means the engine detects; several leave the choice to the user. */
export function initialTimeFormatChoice(candidates: string[]): string | null {
  if (candidates.length === 0) return DETECT_TIME_FORMAT;
  return candidates.length === 1 ? candidates[0]! : null;
}

export function draftFromPreview(preview: ImportPreview, name: string): MappingDraft {
  const { suggestion } = preview;
  return {
    name,
    kind: suggestion.kind,
    idColumn: suggestion.idColumn,
    timeColumn: suggestion.timeColumn,
    timeFormatChoice: initialTimeFormatChoice(timeFormatCandidates(suggestion, suggestion.timeColumn)),
    customTimeFormat: '',
    timeZone: '',
    eventTypeColumn: suggestion.eventTypeColumn,
    numericIds: suggestion.numericIds,
  };
}

/** The mapping to send, or what the user still has to fix, field by field. */
export function toImportMapping(draft: MappingDraft): { mapping: ImportMapping } | { errors: MappingErrors } {
  const errors: MappingErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the dataset a name.';
  else if (name.length > 120) errors.name = 'The name is too long (120 characters at most).';
  if (!draft.idColumn) errors.idColumn = 'Choose the column that identifies the customer.';
  const events = draft.kind === 'events';
  let timeFormat: string | null = null;
  if (events) {
    if (!draft.timeColumn) errors.timeColumn = 'Choose the column that says when each event happened.';
    if (draft.timeFormatChoice === null) errors.timeFormatChoice = 'More than one format fits these times: choose the right one.';
    else if (draft.timeFormatChoice === CUSTOM_TIME_FORMAT) {
      timeFormat = draft.customTimeFormat.trim();
      if (!timeFormat.includes('%') || timeFormat.length < 2) errors.customTimeFormat = 'Type a format such as %d/%m/%Y %H:%M.';
    } else if (draft.timeFormatChoice !== DETECT_TIME_FORMAT) timeFormat = draft.timeFormatChoice;
  }
  const timeZone = draft.timeZone.trim();
  if (timeZone.length > 64) errors.timeZone = 'That is not a time zone name.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    mapping: {
      name,
      kind: draft.kind,
      idColumn: draft.idColumn!,
      timeColumn: events ? draft.timeColumn : null,
      timeFormat: events ? timeFormat : null,
      timeZone: events && timeZone !== '' ? timeZone : null,
      eventTypeColumn: events ? draft.eventTypeColumn : null,
      numericIds: draft.numericIds,
    },
  };
}

/** Which form field an engine error about `mapping.<field>` belongs to. */
export function draftFieldOf(errorField: string | undefined): keyof MappingDraft | null {
  const field = errorField?.startsWith('mapping.') ? errorField.slice('mapping.'.length) : null;
  switch (field) {
    case 'name':
    case 'idColumn':
    case 'timeColumn':
    case 'timeZone':
    case 'eventTypeColumn':
      return field;
    case 'timeFormat':
      return 'timeFormatChoice';
    default:
      return null;
  }
}
