import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGREED_STEP,
  draftSchemaFor,
  exerciseAlerts,
  fieldErrors,
  initialAnswers,
  JOURNALING_PROMPTS,
  journalingPromptV1,
  recoveryToolkitV1,
  safePlaceV1,
  safetyPlanV1,
  schemaFor,
  supportNetworkV1,
  templateFields,
} from '@/lib/exercises';
import { validAnswers } from './fixtures';

describe('journaling prompt', () => {
  const full = schemaFor(journalingPromptV1);

  it('carries the bank of docs/clinical.md §4.4 verbatim, numbered as there', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/clinical.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### 4.4 Journaling prompts'), doc.indexOf('### 4.5'));
    const bank = [...section.matchAll(/^(\d+)\. (.+)$/gm)].map(([, n, label]) => ({ value: `bank_${n!.padStart(2, '0')}`, label }));
    expect(bank).toHaveLength(16);
    expect(JOURNALING_PROMPTS).toEqual(bank);
    expect(JOURNALING_PROMPTS[0]).toEqual({ value: 'bank_01', label: 'What happened, in plain facts — and what story did my mind add?' });
  });

  it("accepts the therapist's own prompt only with its text", () => {
    const own = { prompt: 'own', entry: 'Today I…' };
    expect(fieldErrors(full.safeParse(own))).toEqual({ own_prompt: ['Write the prompt you are answering.'] });
    expect(full.safeParse({ ...own, own_prompt: '  ' }).success).toBe(false);
    expect(full.safeParse({ ...own, own_prompt: 'What would rest look like this weekend?' }).success).toBe(true);
    expect(draftSchemaFor(journalingPromptV1).safeParse({ prompt: 'own' }).success).toBe(true);
  });
});

describe('support-network map', () => {
  const full = schemaFor(supportNetworkV1);
  const person = (initials: unknown) => ({
    people: [{ initials, circle: 'middle', support_kinds: ['practical'], contact_frequency: 'weekly', safety_to_share: 5 }],
  });

  it.each(['A', 'AB', 'ABC', 'J.', 'M.K', 'É.Ø', 'ab'])('accepts initials %j', (initials) => {
    expect(full.safeParse(person(initials)).success).toBe(true);
  });

  it.each(['', 'ABCD', 'Anna', 'J K', '...', '1', 'A1', 'A-B', 'J.K.'])('refuses %j as initials', (initials) => {
    const r = full.safeParse(person(initials));
    expect(r.success).toBe(false);
    expect(Object.keys(fieldErrors(r))).toContain('people.0.initials');
  });

  it('checks circle, kinds of support and frequency against their options', () => {
    const base = person('AB').people[0];
    expect(full.safeParse({ people: [{ ...base, circle: 'centre' }] }).success).toBe(false);
    expect(full.safeParse({ people: [{ ...base, support_kinds: [] }] }).success).toBe(false);
    expect(full.safeParse({ people: [{ ...base, support_kinds: ['money'] }] }).success).toBe(false);
    expect(full.safeParse({ people: [{ ...base, contact_frequency: 'hourly' }] }).success).toBe(false);
    expect(full.safeParse({ people: [{ ...base, support_kinds: ['emotional', 'practical', 'information', 'company'] }] }).success).toBe(true);
  });

  it('keeps professionals and crisis lines optional but complete when given', () => {
    const r = full.safeParse({ ...validAnswers.support_network, crisis_lines: [{ name: 'Samaritans' }] });
    expect(Object.keys(fieldErrors(r))).toEqual(['crisis_lines.0.contact']);
  });
});

describe('safe/calm place practice', () => {
  it('raises a follow-up alert when something distressing intruded', () => {
    const yes = { ...validAnswers.safe_place, intrusion: true };
    expect(schemaFor(safePlaceV1).safeParse(yes).success).toBe(true);
    expect(exerciseAlerts(safePlaceV1, yes)).toEqual([
      { fieldId: 'intrusion', tier: 'follow_up', reason: 'Distressing intrusion during safe-place practice' },
    ]);
    expect(exerciseAlerts(safePlaceV1, validAnswers.safe_place)).toEqual([]);
    expect(templateFields(safePlaceV1).some((f) => f.id === 'intrusion' && f.type === 'yes_no')).toBe(true);
  });

  it('refuses an impossible date', () => {
    expect(schemaFor(safePlaceV1).safeParse({ ...validAnswers.safe_place, practice_date: '2026-13-01' }).success).toBe(false);
    expect(schemaFor(safePlaceV1).safeParse({ ...validAnswers.safe_place, practice_date: '2028-02-29' }).success).toBe(true);
    expect(schemaFor(safePlaceV1).safeParse({ ...validAnswers.safe_place, practice_date: '2027-02-29' }).success).toBe(false);
  });
});

describe('recovery toolkit', () => {
  it('holds the agreed step in one constant and pre-fills it', () => {
    expect(DEFAULT_AGREED_STEP).toBe('PHQ-9 ≥ 10 or a rise ≥ 6 → book a session');
    expect(initialAnswers(recoveryToolkitV1)).toEqual({ agreed_step: 'PHQ-9 ≥ 10 or a rise ≥ 6 → book a session' });
  });
});

describe('safety plan', () => {
  it('has the six Stanley–Brown steps in order and is pinned once shared', () => {
    expect(safetyPlanV1.pinWhenShared).toBe(true);
    const headings = safetyPlanV1.sections.map((s) => s.heading ?? '');
    expect(headings.slice(0, 6).map((h) => h.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(templateFields(safetyPlanV1).map((f) => f.id)).toEqual(
      expect.arrayContaining(['warning_signs', 'coping_alone', 'help_people', 'professionals', 'crisis_lines', 'safer_surroundings']),
    );
  });
});

describe('safety plan crisis lines', () => {
  it('need a way to reach them', () => {
    const r = schemaFor(safetyPlanV1).safeParse({ ...validAnswers.safety_plan, crisis_lines: [{ name: '988' }] });
    expect(Object.keys(fieldErrors(r))).toEqual(['crisis_lines.0.contact']);
  });
});
