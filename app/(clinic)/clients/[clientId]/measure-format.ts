import type { ChangeClassification } from '@/lib/measures/change';
import type { MeasureOverview } from '@/lib/measures/client-overview';

/** How scores, changes and their classification read on the client record. */
export const DECIMALS: Record<MeasureOverview['key'], number> = { phq9: 0, gad7: 0, who5: 0, arsq: 2, scssf: 2 };

export const CLASSIFICATION: Record<ChangeClassification, { label: string; tone: 'brand' | 'neutral' | 'danger' }> = {
  reliable_improvement: { label: 'Reliable improvement', tone: 'brand' },
  no_reliable_change: { label: 'No reliable change', tone: 'neutral' },
  reliable_deterioration: { label: 'Reliable deterioration', tone: 'danger' },
};

export function score(value: number, key: MeasureOverview['key']): string {
  const d = DECIMALS[key];
  return d === 0 ? String(Math.round(value)) : value.toFixed(d);
}

export function signed(value: number, key: MeasureOverview['key']): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${score(Math.abs(value), key)}`;
}
