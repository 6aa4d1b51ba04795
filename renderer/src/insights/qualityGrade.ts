/** How well a model separates customers who reach the goal from those who do not, in plain words. */
export type QualityGrade = 'poor' | 'fair' | 'good' | 'excellent';

/** The lowest validation AUC of each grade above poor. */
export const GRADE_FLOORS = { fair: 0.65, good: 0.75, excellent: 0.85 } as const;

/** poor < 0.65 ≤ fair < 0.75 ≤ good < 0.85 ≤ excellent; an AUC that is not a number grades poor. */
export function qualityGrade(auc: number): QualityGrade {
  if (!(auc >= GRADE_FLOORS.fair)) return 'poor';
  if (auc < GRADE_FLOORS.good) return 'fair';
  if (auc < GRADE_FLOORS.excellent) return 'good';
  return 'excellent';
}

const LABELS: Record<QualityGrade, string> = { poor: 'Poor', fair: 'Fair', good: 'Good', excellent: 'Excellent' };

const MEANINGS: Record<QualityGrade, string> = {
  poor: 'The model ranks customers little better than chance. Check the goal, its window and the data before acting on these scores.',
  fair: 'The model separates likely from unlikely customers, with many mistakes: use the buckets for broad targeting only.',
  good: 'The model ranks customers well: the high bucket holds clearly more of the customers who reach the goal.',
  excellent:
    'The model separates customers very well. Check the diagnostics for leakage: results this strong can mean a feature records the outcome itself.',
};

export function gradeLabel(grade: QualityGrade): string {
  return LABELS[grade];
}

export function gradeMeaning(grade: QualityGrade): string {
  return MEANINGS[grade];
}
