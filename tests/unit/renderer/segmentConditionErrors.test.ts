import { describe, expect, it } from 'vitest';
import { describeConditionPath, refusalText } from '../../../renderer/src/segments/conditionErrors';

describe('where a refused condition is', () => {
  it('names the row as the editor labels it', () => {
    expect(describeConditionPath('definition.conditions.0.value')).toBe('Segment condition 1: value');
    expect(describeConditionPath('definition.conditions.2.field')).toBe('Segment condition 3: field');
    expect(describeConditionPath('definition.conditions.1.op')).toBe('Segment condition 2: operator');
    expect(describeConditionPath('definition.conditions.1.conditions.0.value.1')).toBe('Segment group 2, condition 1: value');
    expect(describeConditionPath('definition.conditions.0.conditions.3.conditions.1')).toBe('Segment group 1, group 4, condition 2');
    expect(describeConditionPath('definition.conditions')).toBe('Segment conditions');
  });

  it('has nothing to say about paths outside the conditions', () => {
    expect(describeConditionPath(null)).toBeNull();
    expect(describeConditionPath('name')).toBeNull();
    expect(describeConditionPath('definition.conditionsX')).toBeNull();
  });

  it('drops the prefixes that repeat the method and the path', () => {
    const path = 'definition.conditions.0.value';
    expect(refusalText(`Invalid input for segments.count: ${path}: "contains" takes a non-empty text value.`, path)).toBe('"contains" takes a non-empty text value.');
    expect(refusalText(`${path}: the number field "score" is compared with a number, not text "a".`, path)).toBe('the number field "score" is compared with a number, not text "a".');
    expect(refusalText('No run with that id.', null)).toBe('No run with that id.');
  });
});
