import { describe, expect, it } from 'vitest';

import { SELF_CARE_LABELS, SELF_CARE_OPTIONS, SOCIAL_CONTACT_LABELS, SOCIAL_CONTACT_OPTIONS, WINDOW_EXPLANATIONS, WINDOW_LABELS, WINDOW_STATES, checkinSchema, checkinSchemaFor } from '@/lib/checkins/rules';

const minimal = { mood: 5, distress: 40, window: 'within' } as const;

function fieldError(input: unknown) {
  const r = checkinSchema.safeParse(input);
  return r.success ? null : (r.error.issues[0]?.path.join('.') ?? '');
}

describe('check-in schema', () => {
  it('accepts the three required fields alone', () => {
    expect(checkinSchema.safeParse(minimal).success).toBe(true);
  });

  it('accepts a full check-in', () => {
    const r = checkinSchema.safeParse({
      ...minimal,
      sleepHours: 7.5,
      sleepQuality: 3,
      socialContact: '2-3',
      feltConnected: 6,
      feltRejected: 2,
      selfCare: ['movement', 'reached_out'],
      note: 'A good walk.',
      safetyThoughts: false,
    });
    expect(r.success).toBe(true);
  });

  it.each([
    ['mood', { mood: undefined }],
    ['distress', { distress: undefined }],
    ['window', { window: undefined }],
  ])('requires %s', (field, patch) => {
    expect(fieldError({ ...minimal, ...patch })).toBe(field);
  });

  it.each([
    ['mood', 0, true],
    ['mood', 10, true],
    ['mood', -1, false],
    ['mood', 11, false],
    ['mood', 5.5, false],
    ['distress', 0, true],
    ['distress', 100, true],
    ['distress', 80, true],
    ['distress', 85, false],
    ['distress', 110, false],
    ['distress', -10, false],
    ['window', 'hypo', true],
    ['window', 'hyper', true],
    ['window', 'frozen', false],
    ['sleepHours', 0, true],
    ['sleepHours', 14, true],
    ['sleepHours', 7.5, true],
    ['sleepHours', 7.25, false],
    ['sleepHours', 14.5, false],
    ['sleepHours', -0.5, false],
    ['sleepQuality', 0, true],
    ['sleepQuality', 4, true],
    ['sleepQuality', 5, false],
    ['socialContact', '0', true],
    ['socialContact', '4+', true],
    ['socialContact', '2-3', true],
    ['socialContact', '5', false],
    ['socialContact', 2, false],
    ['feltConnected', 10, true],
    ['feltConnected', 11, false],
    ['feltRejected', 0, true],
    ['feltRejected', -1, false],
    ['selfCare', [], true],
    ['selfCare', ['movement', 'rest', 'nourishing_meal', 'time_outside', 'mindfulness', 'creative', 'reached_out'], true],
    ['selfCare', ['napping'], false],
    ['selfCare', ['rest', 'rest'], false],
    ['note', 'a'.repeat(2000), true],
    ['note', 'a'.repeat(2001), false],
    ['note', '😀'.repeat(2000), true],
    ['safetyThoughts', true, true],
    ['safetyThoughts', 'yes', false],
  ] as const)('%s = %j valid? %s', (field, value, ok) => {
    const err = fieldError({ ...minimal, [field]: value });
    // Valid: no error at all; invalid: the error is on this field.
    expect(err === null ? null : err.split('.')[0]).toBe(ok ? null : field);
  });

  it('refuses unknown keys', () => {
    expect(checkinSchema.safeParse({ ...minimal, energy: 3 }).success).toBe(false);
  });

  it('refuses a safety answer where the practice has not turned the question on', () => {
    expect(checkinSchemaFor({ safetyQuestionEnabled: false }).safeParse({ ...minimal, safetyThoughts: false }).success).toBe(
      false,
    );
    expect(checkinSchemaFor({ safetyQuestionEnabled: false }).safeParse(minimal).success).toBe(true);
    expect(checkinSchemaFor({ safetyQuestionEnabled: true }).safeParse({ ...minimal, safetyThoughts: true }).success).toBe(
      true,
    );
  });

  it('offers exactly the options of docs/clinical.md §3.1', () => {
    expect(WINDOW_STATES).toEqual(['hypo', 'within', 'hyper']);
    expect(SOCIAL_CONTACT_OPTIONS).toEqual(['0', '1', '2-3', '4+']);
    expect(SELF_CARE_OPTIONS).toEqual(['movement', 'rest', 'nourishing_meal', 'time_outside', 'mindfulness', 'creative', 'reached_out']);
  });

  it('has a label for every option and an explanation for every window state', () => {
    for (const w of WINDOW_STATES) {
      expect(WINDOW_LABELS[w]).toBeTruthy();
      expect(WINDOW_EXPLANATIONS[w]).toBeTruthy();
    }
    for (const s of SOCIAL_CONTACT_OPTIONS) expect(SOCIAL_CONTACT_LABELS[s]).toBeTruthy();
    for (const s of SELF_CARE_OPTIONS) expect(SELF_CARE_LABELS[s]).toBeTruthy();
    expect(WINDOW_EXPLANATIONS.hypo).toMatch(/numb|shut down/);
    expect(WINDOW_EXPLANATIONS.hyper).toMatch(/overwhelmed|on edge/);
  });
});
