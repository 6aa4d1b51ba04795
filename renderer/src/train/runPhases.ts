import type { RunPhase } from '../../../shared/contract/runs';

/** The steps of a run in the order the engine takes them, each in words. */
const PHASES: ReadonlyArray<[RunPhase, string]> = [
  ['labels', 'Labels'],
  ['features', 'Features'],
  ['training', 'Training'],
  ['scoring', 'Scoring'],
  ['explaining', 'Factors'],
  ['backtest', 'Backtest'],
  ['saving', 'Saving'],
];
const LABELS = new Map<string, string>([...PHASES, ['worker_overhead', 'Worker start and data transfer'], ['total', 'Total']]);

/** "training" → "Training"; a step this version does not know reads as its name. */
export function phaseLabel(phase: string): string {
  return LABELS.get(phase) ?? phase.charAt(0).toUpperCase() + phase.slice(1).replaceAll('_', ' ');
}

/** A run's timings as rows: its steps in the order they ran, then any other entry, then the total. */
export function timingRows(timings: Record<string, number>): Array<{ key: string; label: string; seconds: number }> {
  const known = PHASES.map(([phase]) => phase as string);
  const keys = Object.keys(timings);
  const ordered = [
    ...known.filter((key) => keys.includes(key)),
    ...keys.filter((key) => !known.includes(key) && key !== 'total'),
    ...(keys.includes('total') ? ['total'] : []),
  ];
  return ordered.map((key) => ({ key, label: phaseLabel(key), seconds: timings[key] ?? 0 }));
}
