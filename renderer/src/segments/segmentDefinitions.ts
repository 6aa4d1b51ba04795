import type { ConditionNode, FieldCondition } from '../../../shared/conditions';
import type { SegmentDefinition, SegmentDefinitionInput } from '../../../shared/contract/segments';

/** Pure helpers over segment definitions and names, as the Segments page builds them. */

export const EMPTY_DEFINITION: SegmentDefinition = { match: 'all', conditions: [] };

/** A definition as another page hands it over (defaults may be left out), with its defaults filled in. */
export function normalizeDefinition(input: SegmentDefinitionInput | undefined): SegmentDefinition {
  return { match: input?.match === 'any' ? 'any' : 'all', conditions: [...((input?.conditions ?? []) as ConditionNode[])] };
}

/** The condition that keeps customers whose probability is at least the cutoff: the exact number, not rounded. */
export function probabilityAtLeast(cutoff: number): FieldCondition {
  return { field: 'probability', op: 'gte', value: cutoff };
}

/**
 * The definition narrowed to customers at or above a probability cutoff: the condition is added to an "all of" list;
 * an "any of" list becomes a group of its own first, so the cut applies to all of it.
 */
export function withProbabilityCut(definition: SegmentDefinition, cutoff: number): SegmentDefinition {
  const cut = probabilityAtLeast(cutoff);
  if (definition.conditions.length === 0) return { match: 'all', conditions: [cut] };
  if (definition.match === 'all' || definition.conditions.length === 1) return { match: 'all', conditions: [...definition.conditions, cut] };
  return { match: 'all', conditions: [{ match: 'any', conditions: [...definition.conditions] }, cut] };
}

const MAX_NAME = 120;

/** `base`, or `base 2`, `base 3`… : the first not taken (names are unique per run, compared as the engine does, trimmed). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set([...taken].map((name) => name.trim().toLowerCase()));
  const trimmed = base.trim().slice(0, MAX_NAME) || 'Segment';
  if (!names.has(trimmed.toLowerCase())) return trimmed;
  for (let n = 2; ; n += 1) {
    const suffix = ` ${n}`;
    const candidate = `${trimmed.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** A name for the segment a profit cut makes: what it was cut from and the cutoff, to three decimals. */
export function cutSegmentName(from: string | null, cutoff: number): string {
  const cut = `probability ≥ ${cutoff.toFixed(3)}`;
  return from ? `${from}, ${cut}` : `Most profitable: ${cut}`;
}

/** The same definition always gives the same key: the live count and the profit curve are kept per key. */
export function definitionKey(runId: string, definition: SegmentDefinition): string {
  return JSON.stringify([runId, definition.match, definition.conditions]);
}

/** The run and definition a key stands for. */
export function parseDefinitionKey(key: string): { runId: string; definition: SegmentDefinition } {
  const [runId, match, conditions] = JSON.parse(key) as [string, SegmentDefinition['match'], ConditionNode[]];
  return { runId, definition: { match, conditions } };
}
