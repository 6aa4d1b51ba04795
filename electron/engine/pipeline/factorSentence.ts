import type { FeatureDefinition } from '../../../shared/contract/runs';
import { OTHER_CATEGORY } from '../features/featureCatalog';

/** A feature value as a customer's score card shows it. */
export function formatFeatureValue(feature: FeatureDefinition, value: number): string {
  if (Number.isNaN(value)) return feature.unit === 'days' ? 'never' : 'none';
  switch (feature.unit) {
    case 'count':
      return String(Math.round(value));
    case 'days':
      return Math.abs(value) < 10 ? value.toFixed(1) : String(Math.round(value));
    case 'amount':
    case 'ratio':
      return String(Number(value.toFixed(2)));
    case 'category':
      return feature.categories?.[value] ?? OTHER_CATEGORY;
    case 'flag':
      return value !== 0 ? 'yes' : 'no';
  }
}

/** Probability points (0–1 scale in, points out) as the sentences show them. */
export function formatPoints(points: number): string {
  const magnitude = Math.abs(points) * 100;
  return magnitude < 10 ? magnitude.toFixed(1) : String(Math.round(magnitude));
}

/** "Orders in the last 90 days: 0, lowers the likelihood by 12 points". */
export function factorSentence(feature: FeatureDefinition, value: number, points: number): string {
  return `${feature.label}: ${formatFeatureValue(feature, value)}, ${points >= 0 ? 'raises' : 'lowers'} the likelihood by ${formatPoints(points)} points`;
}
