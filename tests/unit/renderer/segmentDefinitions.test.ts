import { describe, expect, it } from 'vitest';
import { segmentDefinitionSchema } from '../../../shared/contract/segments';
import {
  cutSegmentName,
  definitionKey,
  normalizeDefinition,
  parseDefinitionKey,
  probabilityAtLeast,
  uniqueName,
  withProbabilityCut,
} from '../../../renderer/src/segments/segmentDefinitions';

const high = { field: 'bucket', op: 'eq', value: 'high' } as const;
const reason = { field: 'top reason', op: 'eq', value: 'Purchases in the last 30 days' } as const;

describe('segment definitions', () => {
  it('fills in the defaults of a definition another page hands over', () => {
    expect(normalizeDefinition(undefined)).toEqual({ match: 'all', conditions: [] });
    expect(normalizeDefinition({ conditions: [high] })).toEqual({ match: 'all', conditions: [high] });
    expect(normalizeDefinition({ match: 'any', conditions: [high, reason] })).toEqual({ match: 'any', conditions: [high, reason] });
  });

  it('keeps the exact cutoff, not a rounded one', () => {
    expect(probabilityAtLeast(0.123456789012345)).toEqual({ field: 'probability', op: 'gte', value: 0.123456789012345 });
  });

  it('narrows a definition to a probability cut: added to an "all of" list, around an "any of" list', () => {
    expect(withProbabilityCut({ match: 'all', conditions: [] }, 0.4)).toEqual({ match: 'all', conditions: [probabilityAtLeast(0.4)] });
    expect(withProbabilityCut({ match: 'all', conditions: [high, reason] }, 0.4)).toEqual({ match: 'all', conditions: [high, reason, probabilityAtLeast(0.4)] });
    // One condition means the same under "any" and "all".
    expect(withProbabilityCut({ match: 'any', conditions: [high] }, 0.4)).toEqual({ match: 'all', conditions: [high, probabilityAtLeast(0.4)] });
    const wrapped = withProbabilityCut({ match: 'any', conditions: [high, reason] }, 0.4);
    expect(wrapped).toEqual({ match: 'all', conditions: [{ match: 'any', conditions: [high, reason] }, probabilityAtLeast(0.4)] });
    // Whatever it makes is a definition the contract accepts.
    expect(segmentDefinitionSchema.safeParse(wrapped).success).toBe(true);
  });

  it('suggests a name no segment of the run has, compared without case as the engine does', () => {
    expect(uniqueName('High', [])).toBe('High');
    expect(uniqueName('High', ['high'])).toBe('High 2');
    expect(uniqueName('High', ['High', 'HIGH 2', 'Low'])).toBe('High 3');
    expect(uniqueName('  ', [])).toBe('Segment');
    const long = 'x'.repeat(130);
    expect(uniqueName(long, ['x'.repeat(120)])).toHaveLength(120);
    expect(uniqueName(long, ['x'.repeat(120)]).endsWith(' 2')).toBe(true);
  });

  it('names a cut by where it was cut from and the cutoff', () => {
    expect(cutSegmentName(null, 0.12345)).toBe('Most profitable: probability ≥ 0.123');
    expect(cutSegmentName('High buyers', 0.5)).toBe('High buyers, probability ≥ 0.500');
  });

  it('gives equal definitions the same key and reads the key back', () => {
    const key = definitionKey('run_1', { match: 'all', conditions: [high] });
    expect(definitionKey('run_1', { match: 'all', conditions: [{ ...high }] })).toBe(key);
    expect(definitionKey('run_2', { match: 'all', conditions: [high] })).not.toBe(key);
    expect(definitionKey('run_1', { match: 'any', conditions: [high] })).not.toBe(key);
    expect(parseDefinitionKey(key)).toEqual({ runId: 'run_1', definition: { match: 'all', conditions: [high] } });
  });
});
