import { describe, expect, it } from 'vitest';

import {
  ARSQ_DERIVED_THRESHOLD,
  OUR_RULES,
  RELIABLE_CHANGE,
  classifyChange,
  isCase,
  isPhq9Remission,
  isPhq9Response,
  isReliableChangeIndex,
  recoveryStatus,
  reliableChangeFor,
  reliableChangeIndex,
  reliableChangeThreshold,
  standardErrorOfDifference,
  standardErrorOfMeasurement,
  summarizeChange,
  type ChangeClassification,
  type MeasureKey,
} from '@/lib/measures';

describe('Jacobson–Truax reliable change index', () => {
  it('SE = SD·√(1 − r), S_diff = √2·SE', () => {
    expect(standardErrorOfMeasurement(3.61, 0.7)).toBeCloseTo(3.61 * Math.sqrt(0.3), 12);
    expect(standardErrorOfMeasurement(10, 0.75)).toBeCloseTo(5, 12);
    expect(standardErrorOfDifference(10, 0.75)).toBeCloseTo(5 * Math.SQRT2, 12);
  });

  it('RCI = (post − pre) / S_diff', () => {
    expect(reliableChangeIndex(10, 20, 10, 0.75)).toBeCloseTo(10 / (5 * Math.SQRT2), 12);
    expect(reliableChangeIndex(20, 10, 10, 0.75)).toBeCloseTo(-10 / (5 * Math.SQRT2), 12);
  });

  it.each([
    [1.96, false],
    [1.9601, true],
    [-1.96, false],
    [-1.9601, true],
    [0, false],
  ])('|RCI| = %d reliable? %s', (rci, expected) => {
    expect(isReliableChangeIndex(rci)).toBe(expected);
  });

  it('derives the A-RSQ threshold (SD 3.61, α .70) as 1.96·S_diff ≈ 5.48, i.e. 5.5 to one decimal', () => {
    expect(ARSQ_DERIVED_THRESHOLD).toBeCloseTo(1.96 * Math.SQRT2 * 3.61 * Math.sqrt(0.3), 12);
    expect(ARSQ_DERIVED_THRESHOLD).toBeCloseTo(5.48, 2);
    expect(Number(ARSQ_DERIVED_THRESHOLD.toFixed(1))).toBe(RELIABLE_CHANGE.arsq.threshold);
    expect(reliableChangeThreshold(3.61, 0.7)).toBe(ARSQ_DERIVED_THRESHOLD);
  });

  it('a change exactly at the derived threshold has |RCI| = 1.96', () => {
    const rci = reliableChangeIndex(0, reliableChangeThreshold(5, 0.8), 5, 0.8);
    expect(rci).toBeCloseTo(1.96, 12);
  });

  it('uses the table values', () => {
    expect(Object.fromEntries(Object.entries(RELIABLE_CHANGE).map(([k, v]) => [k, v.threshold]))).toEqual({
      phq9: 6,
      gad7: 4,
      who5: 10,
      arsq: 5.5,
      scssf: 0.7,
    });
    expect(RELIABLE_CHANGE.scssf.source).toBe('our_rule');
    expect(reliableChangeFor('scssf')).toBe(OUR_RULES.scssfReliableChange);
  });
});

describe('classifyChange (baseline, latest)', () => {
  const cases: [MeasureKey, number, number, ChangeClassification][] = [
    ['phq9', 20, 14, 'reliable_improvement'],
    ['phq9', 20, 15, 'no_reliable_change'],
    ['phq9', 20, 20, 'no_reliable_change'],
    ['phq9', 10, 15, 'no_reliable_change'],
    ['phq9', 10, 16, 'reliable_deterioration'],
    ['gad7', 12, 8, 'reliable_improvement'],
    ['gad7', 12, 9, 'no_reliable_change'],
    ['gad7', 8, 11, 'no_reliable_change'],
    ['gad7', 8, 12, 'reliable_deterioration'],
    // WHO-5 on 0–100: a rise is improvement.
    ['who5', 40, 52, 'reliable_improvement'],
    ['who5', 40, 50, 'reliable_improvement'],
    ['who5', 40, 48, 'no_reliable_change'],
    ['who5', 52, 44, 'no_reliable_change'],
    ['who5', 52, 40, 'reliable_deterioration'],
    ['arsq', 15, 9.5, 'reliable_improvement'],
    ['arsq', 15, 9.51, 'no_reliable_change'],
    ['arsq', 9, 14.49, 'no_reliable_change'],
    ['arsq', 9, 14.5, 'reliable_deterioration'],
    // SCS-SF: a rise is improvement; 3.2 − 2.5 is 0.7000000000000002 in floating point.
    ['scssf', 2.5, 3.2, 'reliable_improvement'],
    ['scssf', 2.5, 3.19, 'no_reliable_change'],
    ['scssf', 3.2, 2.5, 'reliable_deterioration'],
    ['scssf', 3.2, 2.51, 'no_reliable_change'],
    ['scssf', 2.42, 3.12, 'reliable_improvement'],
  ];
  it.each(cases)('%s %d → %d: %s', (key, baseline, latest, expected) => {
    expect(classifyChange(key, baseline, latest)).toBe(expected);
  });
});

describe('caseness', () => {
  it.each([
    ['phq9', 9, false],
    ['phq9', 10, true],
    ['gad7', 7, false],
    ['gad7', 8, true],
    ['who5', 48, true],
    ['who5', 52, false],
    ['arsq', 20, null],
    ['scssf', 1, null],
  ] as const)('%s %d → %s', (key, score, expected) => {
    expect(isCase(key, score)).toBe(expected);
  });
});

describe('PHQ-9 response and remission', () => {
  it.each([
    [20, 10, true],
    [20, 11, false],
    [21, 10, true],
    [21, 11, false],
    [15, 7, true],
    [15, 8, false],
    [10, 0, true],
    [0, 0, false],
    [10, 12, false],
  ])('baseline %i → latest %i: response %s', (baseline, latest, expected) => {
    expect(isPhq9Response(baseline, latest)).toBe(expected);
  });

  it.each([
    [4, true],
    [5, false],
    [0, true],
  ])('latest %i: remission %s', (latest, expected) => {
    expect(isPhq9Remission(latest)).toBe(expected);
  });

  it('summarizeChange carries response and remission for PHQ-9 only', () => {
    expect(summarizeChange('phq9', 18, 4)).toEqual({
      key: 'phq9',
      baseline: 18,
      latest: 4,
      change: -14,
      threshold: 6,
      classification: 'reliable_improvement',
      caseAtBaseline: true,
      caseAtLatest: false,
      response: true,
      remission: true,
    });
    expect(summarizeChange('gad7', 10, 5)).toMatchObject({ response: null, remission: null, change: -5 });
  });
});

describe('recovery and reliable recovery (NHS Talking Therapies)', () => {
  it.each([
    // label, phq9 [baseline, latest], gad7 [baseline, latest], recovery, reliableRecovery
    ['case on both, neither at end, both reliably better', [15, 5], [12, 4], true, true],
    ['case on PHQ-9 only, recovered, PHQ-9 reliably better', [12, 6], [5, 5], true, true],
    ['case on GAD-7 only, recovered with GAD-7 reliably better', [6, 6], [9, 5], true, true],
    ['recovered but change not reliable on either', [10, 9], [8, 7], true, false],
    ['recovered, PHQ-9 reliably better but GAD-7 reliably worse (still below 8)', [16, 9], [0, 7], true, false],
    ['still a case on GAD-7 at the end', [15, 5], [12, 8], false, false],
    ['still a case on PHQ-9 at the end', [20, 10], [10, 3], false, false],
    ['not a case at baseline: cannot recover', [9, 2], [7, 0], false, false],
    ['PHQ-9 exactly at caseness (10) at the end is still a case', [16, 10], [4, 4], false, false],
  ] as const)('%s', (_l, [pb, pl], [gb, gl], recovery, reliableRecovery) => {
    const r = recoveryStatus({ phq9: { baseline: pb, latest: pl }, gad7: { baseline: gb, latest: gl } });
    expect(r.recovery).toBe(recovery);
    expect(r.reliableRecovery).toBe(reliableRecovery);
  });

  it('reports the parts', () => {
    expect(recoveryStatus({ phq9: { baseline: 16, latest: 9 }, gad7: { baseline: 0, latest: 7 } })).toEqual({
      caseAtBaseline: true,
      caseAtLatest: false,
      recovery: true,
      reliableImprovement: true,
      reliableDeterioration: true,
      reliableRecovery: false,
      phq9: 'reliable_improvement',
      gad7: 'reliable_deterioration',
    });
  });
});
