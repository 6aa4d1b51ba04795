import type { Diagnostic } from '../../../shared/contract/instances';
import type { FeatureDefinition } from '../../../shared/contract/runs';
import type { TrainOutcome } from './trainTask';

export const POOR_MODEL_AUC = 0.65;
export const LEAKAGE_AUC = 0.95;

/** What the trained model says about the goal: too weak to use, or too good to be true. */
export function runDiagnostics(outcome: Pick<TrainOutcome, 'validation' | 'strongestFeature'>, features: FeatureDefinition[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const auc = outcome.validation.rocAuc;
  if (auc < POOR_MODEL_AUC) {
    diagnostics.push({
      code: 'POOR_MODEL',
      severity: 'warning',
      message: `The model ranks the validation customers little better than chance (AUC ${auc.toFixed(3)}, below ${POOR_MODEL_AUC}).`,
      fix: 'Add custom events that capture the behaviour leading to the goal, a profiles dataset, or a longer history; or check that the goal is predictable from past events.',
    });
  }
  const strongest = outcome.strongestFeature;
  if (strongest !== null && strongest.auc > LEAKAGE_AUC) {
    const feature = features[strongest.index];
    diagnostics.push({
      code: 'LEAKAGE_SUSPECTED',
      severity: 'warning',
      message: `"${feature?.label ?? 'One feature'}" alone separates reached from not reached almost perfectly (AUC ${strongest.auc.toFixed(3)}): it probably records the outcome itself.`,
      fix: feature?.family === 'profile' ? 'Leave that profile attribute out of the profiles dataset.' : 'Add an exclusion for the events that make up the goal, or narrow the goal so it does not repeat a past event.',
    });
  }
  for (const feature of features) {
    if (feature.leakageWarning === undefined) continue;
    diagnostics.push({ code: 'OUTCOME_LIKE_ATTRIBUTE', severity: 'warning', message: feature.leakageWarning, fix: `Remove "${feature.label}" from the profiles if it is set after the outcome.` });
  }
  return diagnostics;
}
