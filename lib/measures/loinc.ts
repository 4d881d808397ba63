import type { MeasureKey } from './types';

export interface LoincCodes {
  panel: string;
  total: string;
}

/** Only PHQ-9 and GAD-7 are exported with LOINC codes (docs/clinical.md §1.5). */
export const LOINC: Readonly<Partial<Record<MeasureKey, LoincCodes>>> = {
  phq9: { panel: '44249-1', total: '44261-6' },
  gad7: { panel: '69737-5', total: '70274-6' },
};

export function loincFor(key: MeasureKey): LoincCodes | null {
  return LOINC[key] ?? null;
}
