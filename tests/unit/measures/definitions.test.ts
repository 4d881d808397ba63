import { describe, expect, it } from 'vitest';

import {
  LOINC,
  MEASURES,
  MEASURE_KEYS,
  PHQ_GAD_ATTRIBUTION,
  arsqScenarios,
  isMeasureKey,
  loincFor,
  scoredItems,
} from '@/lib/measures';

describe('instrument definitions', () => {
  it.each([
    ['phq9', 9, 0, 3],
    ['gad7', 7, 0, 3],
    ['who5', 5, 0, 5],
    ['arsq', 18, 1, 6],
    ['scssf', 12, 1, 5],
  ] as const)('%s has %i scored items answered %i–%i', (key, count, min, max) => {
    const items = scoredItems(key);
    expect(items).toHaveLength(count);
    for (const item of items) {
      const values = item.options.map((o) => o.value);
      expect(Math.min(...values)).toBe(min);
      expect(Math.max(...values)).toBe(max);
      expect(item.options.every((o) => o.label.length > 0)).toBe(true);
    }
  });

  it('item ids are unique per measure', () => {
    for (const key of MEASURE_KEYS) {
      const ids = MEASURES[key].items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('PHQ-9 asks the "how difficult" question as item 10 and never scores it', () => {
    const tenth = MEASURES.phq9.items.find((i) => i.number === 10);
    expect(tenth?.scored).toBe(false);
    expect(tenth?.text).toMatch(/^If you checked off any problems, how difficult/);
    expect(tenth?.options.map((o) => o.label)).toEqual([
      'Not difficult at all',
      'Somewhat difficult',
      'Very difficult',
      'Extremely difficult',
    ]);
  });

  it('uses the published PHQ-9/GAD-7 answer labels', () => {
    for (const key of ['phq9', 'gad7'] as const) {
      expect(scoredItems(key)[0]?.options.map((o) => [o.value, o.label])).toEqual([
        [0, 'Not at all'],
        [1, 'Several days'],
        [2, 'More than half the days'],
        [3, 'Nearly every day'],
      ]);
    }
  });

  it('uses the published PHQ-9 item 9 wording', () => {
    expect(scoredItems('phq9')[8]?.text).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
  });

  it('WHO-5 answer scale runs from At no time (0) to All of the time (5)', () => {
    const options = scoredItems('who5')[0]?.options ?? [];
    expect(options.find((o) => o.value === 0)?.label).toBe('At no time');
    expect(options.find((o) => o.value === 5)?.label).toBe('All of the time');
  });

  it('A-RSQ has nine scenarios, each with a concern (a) and an acceptance (b) part on 1–6 with anchors', () => {
    expect(arsqScenarios).toHaveLength(9);
    for (const s of arsqScenarios) {
      expect(s.concern.id).toBe(`q${s.number}a`);
      expect(s.acceptance.id).toBe(`q${s.number}b`);
      expect(s.concern.options[0]?.label).toBe('Very unconcerned');
      expect(s.concern.options[5]?.label).toBe('Very concerned');
      expect(s.acceptance.options[0]?.label).toBe('Very unlikely');
      expect(s.acceptance.options[5]?.label).toBe('Very likely');
    }
  });

  it('SCS-SF anchors are Almost never (1) and Almost always (5)', () => {
    const options = scoredItems('scssf')[0]?.options ?? [];
    expect(options[0]).toEqual({ value: 1, label: 'Almost never' });
    expect(options[4]).toEqual({ value: 5, label: 'Almost always' });
  });

  it('carries the attribution lines docs/clinical.md §1.5 gives', () => {
    const pfizer =
      'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';
    expect(PHQ_GAD_ATTRIBUTION).toBe(pfizer);
    expect(MEASURES.phq9.attribution).toBe(pfizer);
    expect(MEASURES.gad7.attribution).toBe(pfizer);
    expect(MEASURES.who5.attribution).toContain('Psychiatric Research Unit, Mental Health Centre North Zealand');
    expect(MEASURES.arsq.attribution).toContain('Downey & Feldman');
    expect(MEASURES.arsq.attribution).toContain('Berenson et al.');
    expect(MEASURES.scssf.attribution).toContain('Raes, Pommier, Neff & Van Gucht (2011)');
  });

  it('direction: higher is better only for WHO-5 and SCS-SF', () => {
    expect(MEASURE_KEYS.filter((k) => MEASURES[k].higherIsBetter)).toEqual(['who5', 'scssf']);
  });

  it('LOINC codes', () => {
    expect(LOINC.phq9).toEqual({ panel: '44249-1', total: '44261-6' });
    expect(LOINC.gad7).toEqual({ panel: '69737-5', total: '70274-6' });
    expect(loincFor('who5')).toBeNull();
  });

  it('isMeasureKey', () => {
    expect(isMeasureKey('phq9')).toBe(true);
    expect(isMeasureKey('phq8')).toBe(false);
    expect(isMeasureKey(3)).toBe(false);
  });
});
