import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { measureAdministrations, measureDrafts, submissions } from '../../db/schema';
import { MESSAGES } from '../../lib/access/errors';
import { createClient } from '../../lib/clients/actions';
import { saveMeasureDraft, submitMeasure } from '../../lib/measures/actions';
import { UNSTORABLE_TEXT_MESSAGE } from '../../lib/security/input';
import { saveDraft, submitExercise } from '../../lib/submissions/actions';
import { asOwner, assignThoughtRecord } from '../support/clinical';
import { type TestPractice, actAs, makePractice } from '../support/factories';

/** Keys that name members of Object.prototype: an answer keyed by one is an unknown field, never a crash. */
const PROTOTYPE_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'] as const;

const dueThoughtRecord = (p: TestPractice) => assignThoughtRecord(p.id, p.clientA1.clientId, p.therapist.membershipId);

/** An object with `key` as an own property, as JSON.parse would make it (a literal `__proto__:` would set the prototype). */
const withKey = (base: Record<string, unknown>, key: string, value: unknown) => ({ ...base, ...JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) });

/** React sends only plain objects to the browser ("null prototypes are not supported"): every object in an answer is one. */
function expectPlain(value: unknown, path = 'result'): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v, i) => expectPlain(v, `${path}.${i}`));
  expect(Object.getPrototypeOf(value), path).toBe(Object.prototype);
  for (const key of Object.keys(value)) expectPlain((value as Record<string, unknown>)[key], `${path}.${key}`);
}

function expectRefusedBeside(result: unknown, key: string) {
  expectPlain(result);
  const r = result as { ok: boolean; formError: string | null; fieldErrors: Record<string, string[]> };
  expect(r.ok, key).toBe(false);
  expect(r.formError ?? '', key).not.toContain(MESSAGES.unexpected);
  if (key !== '__proto__') expect(Object.getOwnPropertyDescriptor(r.fieldErrors, key)?.value?.[0] ?? r.fieldErrors[`answers.${key}`]?.[0], key).toMatch(/not part of the (form|exercise)/);
}

describe('answer keys named after prototype members', () => {
  it('homework drafts and submits refuse them beside the field, as objects and as JSON text, and write nothing', async () => {
    const p = await makePractice();
    const occurrenceId = await dueThoughtRecord(p);
    actAs(p.clientA1, p.id);
    for (const key of PROTOTYPE_KEYS) {
      const answers = withKey({ situation_what: 'A text went unanswered.' }, key, key === '__proto__' ? { situation_what: 'smuggled' } : 'x');
      for (const action of [saveDraft, submitExercise]) {
        const asObject = await action(null, { occurrenceId, templateVersion: 1, answers });
        const form = new FormData();
        form.append('occurrenceId', occurrenceId);
        form.append('templateVersion', '1');
        form.append('answers', JSON.stringify(answers));
        const asForm = await action(null, form);
        if (key === '__proto__') {
          // Dropped as a key, never followed as a prototype: the draft is the honest one, or nothing.
          for (const r of [asObject, asForm]) expect((r as { formError?: string }).formError ?? '').not.toContain(MESSAGES.unexpected);
          continue;
        }
        expectRefusedBeside(asObject, key);
        expectRefusedBeside(asForm, key);
      }
    }
    const stored = await asOwner(p.id, (tx) => tx.select().from(submissions).where(and(eq(submissions.practiceId, p.id), eq(submissions.occurrenceId, occurrenceId))));
    expect(JSON.stringify(stored)).not.toContain('smuggled');
    expect(stored.every((s) => s.status !== 'submitted')).toBe(true);
  });

  it('measure drafts and submits refuse them beside the field and write nothing', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    for (const key of PROTOTYPE_KEYS) {
      const answers = withKey({ q1: 1 }, key, 2);
      const draft = await saveMeasureDraft(null, { measure: 'phq9', answers });
      const submit = await submitMeasure(null, { measure: 'phq9', submissionKey: `key-${key.replace(/_/g, '')}-0000000000`, answers });
      for (const r of [draft, submit]) {
        if (key === '__proto__') expect((r as { formError?: string }).formError ?? '').not.toContain(MESSAGES.unexpected);
        else expectRefusedBeside(r, key);
      }
    }
    // Only the __proto__ case may have saved anything (the key is dropped, the rest is a real answer): items only.
    const stored = await asOwner(p.id, async (tx) => [
      ...(await tx.select().from(measureAdministrations).where(eq(measureAdministrations.practiceId, p.id))),
      ...(await tx.select().from(measureDrafts).where(eq(measureDrafts.practiceId, p.id))),
    ]);
    for (const row of stored) expect(Object.keys(row.answers as object).every((k) => /^q\d+$/.test(k)), JSON.stringify(row.answers)).toBe(true);
  });

  it('a __proto__ object in the form JSON cannot supply a field the form left out', async () => {
    const p = await makePractice();
    const occurrenceId = await dueThoughtRecord(p);
    actAs(p.clientA1, p.id);
    const form = new FormData();
    form.append('__json', JSON.stringify({ templateVersion: 1, answers: { situation_what: 'x' } }).replace('{', `{"__proto__":{"occurrenceId":"${occurrenceId}"},`));
    const result = await saveDraft(null, form);
    expect(result).toMatchObject({ ok: false, fieldErrors: { occurrenceId: [expect.any(String)] } });
  });
});

describe('text the database cannot store', () => {
  it('a NUL byte or a lone surrogate in any field is refused beside it, never "something went wrong"', async () => {
    const p = await makePractice();
    actAs(p.admin, p.id);
    for (const bad of ['Al\u0000ex', 'Alex \ud83d']) {
      const result = await createClient(null, { firstName: bad, lastName: 'Rivera' });
      expectPlain(result);
      expect(result).toMatchObject({ ok: false, fieldErrors: { firstName: [UNSTORABLE_TEXT_MESSAGE] } });
    }
    const occurrenceId = await dueThoughtRecord(p);
    actAs(p.clientA1, p.id);
    const draft = await saveDraft(null, { occurrenceId, templateVersion: 1, answers: { situation_what: 'nul\u0000 inside' } });
    expect(draft).toMatchObject({ ok: false, fieldErrors: { 'answers.situation_what': [UNSTORABLE_TEXT_MESSAGE] } });
  });
});
