import { describe, expect, it } from 'vitest';
import { GRADE_FLOORS, gradeLabel, gradeMeaning, qualityGrade } from '../../../renderer/src/insights/qualityGrade';

describe('model quality grade', () => {
  it('grades the validation AUC: poor < 0.65 ≤ fair < 0.75 ≤ good < 0.85 ≤ excellent', () => {
    expect(qualityGrade(0.5)).toBe('poor');
    expect(qualityGrade(0.6499)).toBe('poor');
    expect(qualityGrade(0.65)).toBe('fair');
    expect(qualityGrade(0.7499)).toBe('fair');
    expect(qualityGrade(0.75)).toBe('good');
    expect(qualityGrade(0.8499)).toBe('good');
    expect(qualityGrade(0.85)).toBe('excellent');
    expect(qualityGrade(1)).toBe('excellent');
    expect(GRADE_FLOORS).toEqual({ fair: 0.65, good: 0.75, excellent: 0.85 });
  });

  it('grades a model worse than chance, and an AUC that is not a number, as poor', () => {
    expect(qualityGrade(0.2)).toBe('poor');
    expect(qualityGrade(Number.NaN)).toBe('poor');
  });

  it('names every grade in words with what it means', () => {
    expect(['poor', 'fair', 'good', 'excellent'].map((grade) => gradeLabel(grade as never))).toEqual(['Poor', 'Fair', 'Good', 'Excellent']);
    expect(gradeMeaning('poor')).toMatch(/chance/);
    expect(gradeMeaning('excellent')).toMatch(/leakage/);
  });
});
