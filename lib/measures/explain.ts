import { classifyChange, scoreChange } from './change';
import { MEASURES } from './definitions';
import { roundTo } from './math';
import type { MeasureKey } from './types';

const DECIMALS: Record<MeasureKey, number> = { phq9: 0, gad7: 0, who5: 0, arsq: 1, scssf: 1 };

function formatPoints(key: MeasureKey, points: number): string {
  const value = roundTo(Math.abs(points), DECIMALS[key]);
  const text = DECIMALS[key] === 0 ? String(value) : value.toFixed(DECIMALS[key]);
  return `${text} ${value === 1 ? 'point' : 'points'}`;
}

/** WHO-5 is talked about as "wellbeing" because its number going up reads oddly next to symptom scores. */
function measureName(key: MeasureKey): string {
  return key === 'who5' ? 'WHO-5 wellbeing score' : MEASURES[key].shortTitle;
}

/**
 * A plain-words sentence for the client about a (baseline, latest) pair, e.g.
 * "Your PHQ-9 has dropped 7 points since you started: that is a reliable improvement."
 */
export function explainChange(key: MeasureKey, baseline: number, latest: number): string {
  const change = scoreChange(baseline, latest);
  const name = measureName(key);
  if (change === 0) return `Your ${name} is the same as when you started.`;
  const verb = change < 0 ? 'dropped' : 'risen';
  const scale = key === 'who5' ? ' (out of 100)' : '';
  const opening = `Your ${name} has ${verb} ${formatPoints(key, change)}${scale} since you started`;
  switch (classifyChange(key, baseline, latest)) {
    case 'reliable_improvement':
      return `${opening}: that is a reliable improvement.`;
    case 'reliable_deterioration':
      return `${opening}: that is a reliable change for the worse. Your therapist can see this and can talk it through with you.`;
    case 'no_reliable_change':
      return `${opening}: that is within the range scores move by chance, so it is not yet a reliable change.`;
  }
}

/** A-RSQ has no cut-offs; this places a score against the adult average in plain words. */
export function explainArsqNorm(zScore: number): string {
  const distance = Math.abs(zScore);
  if (distance < 0.5) return 'Your rejection sensitivity is close to the adult average.';
  const side = zScore > 0 ? 'above' : 'below';
  const amount = distance < 1 ? 'a little' : distance < 2 ? 'clearly' : 'well';
  return `Your rejection sensitivity is ${amount} ${side} the adult average.`;
}
