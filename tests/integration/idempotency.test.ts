import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkinRevisions, checkins, idempotencyKeys } from '../../db/schema';
import { isTransientDatabaseError } from '../../lib/access/idempotency';
import { submitCheckin } from '../../lib/checkins/actions';
import { asOwner, auditOf } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';

const calm = { mood: '6', distress: '30', window: 'within' };
const withKey = (key: string, fields: Record<string, string> = calm) => ({ ...fields, idempotencyKey: key });

function checkinRows(practiceId: string, clientId: string) {
  return asOwner(practiceId, (tx) =>
    tx.select().from(checkins).where(and(eq(checkins.practiceId, practiceId), eq(checkins.clientId, clientId))),
  );
}
function revisionRows(practiceId: string, clientId: string) {
  return asOwner(practiceId, (tx) =>
    tx.select().from(checkinRevisions).where(and(eq(checkinRevisions.practiceId, practiceId), eq(checkinRevisions.clientId, clientId))),
  );
}

describe('idempotency keys in the action wrapper', () => {
  it('a retry with the same key returns the first result and writes nothing more', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const key = randomUUID();
    const first = await submitCheckin(null, withKey(key));
    const retry = await submitCheckin(null, withKey(key));
    expect(first).toMatchObject({ ok: true, data: { revision: 1, updated: false } });
    expect(first.ok && first.replayed).toBeFalsy();
    expect(retry).toMatchObject({ ok: true, replayed: true });
    expect(retry.ok && retry.data).toEqual(first.ok && first.data);
    expect(await checkinRows(p.id, p.clientA1.clientId)).toHaveLength(1);
    expect((await checkinRows(p.id, p.clientA1.clientId))[0]?.revision).toBe(1);
    expect(await revisionRows(p.id, p.clientA1.clientId)).toHaveLength(0);
    expect(await auditOf(p.id, 'checkin.submit')).toHaveLength(1);
  });

  it('retries racing each other still write once', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => submitCheckin(null, withKey(key))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.data.checkinId : null))).size).toBe(1);
    const [row] = await checkinRows(p.id, p.clientA1.clientId);
    expect(row?.revision).toBe(1);
    expect(await auditOf(p.id, 'checkin.submit')).toHaveLength(1);
  });

  it('a new key is a new write: a second check-in the same day updates the first', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    await submitCheckin(null, withKey(randomUUID()));
    const second = await submitCheckin(null, withKey(randomUUID(), { ...calm, mood: '8' }));
    expect(second).toMatchObject({ ok: true, data: { revision: 2, updated: true } });
    expect(second.ok && second.replayed).toBeFalsy();
  });

  it('the same key with different answers is refused and changes nothing', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const key = randomUUID();
    await submitCheckin(null, withKey(key));
    const other = await submitCheckin(null, withKey(key, { ...calm, mood: '2' }));
    expect(other).toMatchObject({ ok: false });
    expect(!other.ok && other.formError).toMatch(/already sent with other answers/);
    const [row] = await checkinRows(p.id, p.clientA1.clientId);
    expect(row).toMatchObject({ mood: 6, revision: 1 });
  });

  it('a refused or invalid submission does not use up its key', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const key = randomUUID();
    const invalid = await submitCheckin(null, withKey(key, { ...calm, mood: '11' }));
    expect(invalid).toMatchObject({ ok: false });
    expect(await checkinRows(p.id, p.clientA1.clientId)).toHaveLength(0);
    const fixed = await submitCheckin(null, withKey(key));
    expect(fixed).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(fixed.ok && fixed.replayed).toBeFalsy();
  });

  it('keys belong to one person: another client using the same key writes their own check-in', async () => {
    const p = await makePractice();
    const key = randomUUID();
    actAs(p.clientA1, p.id);
    const a1 = await submitCheckin(null, withKey(key));
    actAs(p.clientA2, p.id);
    const a2 = await submitCheckin(null, withKey(key));
    expect(a2).toMatchObject({ ok: true });
    expect(a2.ok && a2.replayed).toBeFalsy();
    expect(a2.ok && a2.data.checkinId).not.toBe(a1.ok && a1.data.checkinId);
    expect(await checkinRows(p.id, p.clientA2.clientId)).toHaveLength(1);
    const keys = await asOwner(p.id, (tx) => tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)));
    expect(keys.map((k) => k.userId).sort()).toEqual([p.clientA1.userId, p.clientA2.userId].sort());
  });

  it('a malformed key is refused beside the form, nothing written', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitCheckin(null, withKey('short'));
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/out of date/) });
    expect(await checkinRows(p.id, p.clientA1.clientId)).toHaveLength(0);
  });

  it('tells a lost database connection apart from other failures', () => {
    expect(isTransientDatabaseError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientDatabaseError(new Error('Failed query', { cause: Object.assign(new Error('y'), { code: '57P01' }) }))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('z'), { code: '23505' }))).toBe(false);
    expect(isTransientDatabaseError(new Error('plain'))).toBe(false);
  });
});
