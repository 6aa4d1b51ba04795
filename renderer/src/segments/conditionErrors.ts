/** Where in the condition tree the engine's refusal points, in the words the editor labels its rows with. */

/** The editor's path of the segment's condition list: the engine names the same nodes `definition.conditions.…`. */
export const DEFINITION_PATH = 'definition.conditions';

const PARTS: Record<string, string> = { field: 'field', op: 'operator', value: 'value' };

/**
 * `definition.conditions.1.conditions.0.value.1` → "Segment group 2, condition 1: value"; null when the path is not
 * inside the condition list (the name, the run).
 */
export function describeConditionPath(path: string | null, label = 'Segment'): string | null {
  if (!path || !(path === DEFINITION_PATH || path.startsWith(`${DEFINITION_PATH}.`))) return null;
  const steps = path.slice(DEFINITION_PATH.length).split('.').filter((step) => step !== '');
  const indexes: number[] = [];
  let part: string | null = null;
  for (let position = 0; position < steps.length; position += 1) {
    const step = steps[position]!;
    if (/^\d+$/.test(step)) {
      if (part === null) indexes.push(Number(step) + 1);
    } else if (step === 'conditions') continue;
    else if (part === null && step in PARTS) part = PARTS[step]!;
  }
  if (indexes.length === 0) return `${label} conditions`;
  const groups = indexes.slice(0, -1).map((index) => `group ${index}`);
  const where = `${label} ${[...groups, `condition ${indexes.at(-1)}`].join(', ')}`;
  return part ? `${where}: ${part}` : where;
}

/**
 * The engine's message without the prefixes that repeat the method and the path
 * ("Invalid input for segments.count: definition.conditions.0.value: …" → "…").
 */
export function refusalText(message: string, path: string | null): string {
  let text = message.replace(/^Invalid input for [\w.]+: /, '');
  if (path && text.startsWith(`${path}: `)) text = text.slice(path.length + 2);
  return text;
}
