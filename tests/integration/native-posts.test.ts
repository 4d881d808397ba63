import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkins, measureAdministrations } from '../../db/schema';
import { submitCheckin } from '../../lib/checkins/actions';
import { drawnName } from '../../lib/exercises/form-answers';
import { submitMeasure } from '../../lib/measures/actions';
import { submitExercise } from '../../lib/submissions/actions';
import { asOwner } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';
import { assign, fullThoughtRecord, rowsFor } from '../support/submissions';

/**
 * Forms posted natively (before their script has run): flat fields as the browser sends them, with the key the
 * page was drawn with. Stored as when sent by script, and a post sent again is stored once.
 */
function form(fields: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

describe('a native post', () => {
  it('sends an exercise with the answers a script would send, once', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const percent = (path: string, value: number): [string, string][] => [
      [drawnName(path), ''],
      [path, String(value)],
      [path, String(value)],
    ];
    const fields: [string, string][] = [
      ['occurrenceId', occurrenceId],
      ['templateVersion', '1'],
      ['idempotencyKey', randomUUID()],
      ['situation_what', fullThoughtRecord.situation_what],
      ['situation_who', ''],
      ...fullThoughtRecord.emotions.flatMap((e, i): [string, string][] => [
        [`emotions.${i}.name`, e.name],
        ...percent(`emotions.${i}.intensity`, e.intensity),
      ]),
      ['automatic_thoughts.0.text', fullThoughtRecord.automatic_thoughts[0]!.text],
      ['automatic_thoughts.0.hot', 'true'],
      ['evidence_for', fullThoughtRecord.evidence_for],
      ['evidence_against', fullThoughtRecord.evidence_against],
      ['balanced_thought', fullThoughtRecord.balanced_thought],
      ...percent('balanced_belief', fullThoughtRecord.balanced_belief),
      ...fullThoughtRecord.emotions_rerated.flatMap((e, i): [string, string][] => [
        [`emotions_rerated.${i}.name`, e.name],
        ...percent(`emotions_rerated.${i}.intensity`, e.intensity),
      ]),
      ['action', ''],
    ];
    const first = await submitExercise(null, form(fields));
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    const again = await submitExercise(null, form(fields));
    expect(again).toMatchObject({ ok: true, replayed: true, data: { version: 1 } });
    const { versions } = await rowsFor(p.id, occurrenceId);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.answers).toEqual(fullThoughtRecord);
  });

  it('refuses an exercise beside the missing field and writes nothing', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const result = await submitExercise(
      null,
      form([
        ['occurrenceId', occurrenceId],
        ['templateVersion', '1'],
        ['situation_what', 'Only this'],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.evidence_against).toBeDefined();
    // What was sent comes back to draw the form again.
    expect(result.values).toMatchObject({ situation_what: 'Only this' });
    expect((await rowsFor(p.id, occurrenceId)).versions).toHaveLength(0);
  });

  it('saves a check-in once, an unmoved slider unanswered', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const fields: [string, string][] = [
      ['idempotencyKey', randomUUID()],
      ['mood', '7'],
      ['distress', '40'],
      ['window', 'within'],
      ['notSet', 'sleepHours'],
      ['sleepHours', '7'],
      ['note', 'Walked'],
    ];
    expect(await submitCheckin(null, form(fields))).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(await submitCheckin(null, form(fields))).toMatchObject({ ok: true, replayed: true, data: { revision: 1 } });
    const rows = await asOwner(p.id, (tx) =>
      tx
        .select()
        .from(checkins)
        .where(and(eq(checkins.practiceId, p.id), eq(checkins.clientId, p.clientA1.clientId))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mood: 7, distress: 40, revision: 1, sleepHours: null, note: 'Walked' });
  });

  it('submits a questionnaire once', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const key = randomUUID();
    const fields: [string, string][] = [
      ['measure', 'who5'],
      ['submissionKey', key],
      ['idempotencyKey', key],
      ...[1, 2, 3, 4, 5].map((n): [string, string] => [`q${n}`, '3']),
    ];
    expect(await submitMeasure(null, form(fields))).toMatchObject({ ok: true, data: { measure: 'who5' } });
    expect((await submitMeasure(null, form(fields))).ok).toBe(true);
    const rows = await asOwner(p.id, (tx) =>
      tx
        .select()
        .from(measureAdministrations)
        .where(
          and(eq(measureAdministrations.practiceId, p.id), eq(measureAdministrations.clientId, p.clientA1.clientId)),
        ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.answers).toEqual({ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3 });
  });
});
