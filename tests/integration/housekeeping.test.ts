import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { pruneExpired } from '../../lib/jobs/housekeeping';
import { PLATFORM_PRACTICE_ID } from '../../lib/practice/platform';
import { makePractice, owner } from '../support/factories';

async function idempotencyKeysOf(practiceId: string): Promise<string[]> {
  const db = await owner();
  const result = await db.execute(sql`select key from idempotency_keys where practice_id = ${practiceId} order by key`);
  return rowsOf<{ key: string }>(result).map((r) => r.key);
}

describe('housekeeping', () => {
  it("removes each practice's idempotency keys after seven days and keeps the recent ones", async () => {
    const a = await makePractice('Prune A');
    const b = await makePractice('Prune B');
    const db = await owner();
    for (const p of [a, b]) {
      await db.execute(sql`insert into idempotency_keys (practice_id, user_id, key, action, request_hash, created_at) values
        (${p.id}, ${p.therapist.userId}, 'week-and-a-day-old', 'x', 'h', now() - interval '8 days'),
        (${p.id}, ${p.therapist.userId}, 'six-days-old', 'x', 'h', now() - interval '6 days'),
        (${p.id}, ${p.clientA1.userId}, 'just-now', 'x', 'h', now())`);
    }
    // One practice at a time (as a retried job for one practice would): the other keeps everything.
    await pruneExpired(new Date(), [a.id]);
    expect(await idempotencyKeysOf(a.id)).toEqual(['just-now', 'six-days-old']);
    expect(await idempotencyKeysOf(b.id)).toEqual(['just-now', 'six-days-old', 'week-and-a-day-old']);
    await pruneExpired(new Date(), [b.id]);
    expect(await idempotencyKeysOf(b.id)).toEqual(['just-now', 'six-days-old']);
  });

  it('removes sessions begun over 30 days ago and sign-in counters that have fully run out, nothing current', async () => {
    const p = await makePractice('Prune sessions');
    const db = await owner();
    const old = randomUUID();
    const live = randomUUID();
    await db.execute(sql`insert into sessions (id, user_id, created_at, last_seen_at) values
      (${old}, ${p.therapist.userId}, now() - interval '31 days', now() - interval '31 days'),
      (${live}, ${p.therapist.userId}, now() - interval '1 hour', now())`);
    const tag = randomUUID();
    await db.execute(sql`insert into sign_in_throttle (key, failures, window_started_at, locked_until, known_until) values
      (${`${tag}:stale`}, 3, now() - interval '3 days', null, null),
      (${`${tag}:locked`}, 5, now() - interval '3 days', now() + interval '5 minutes', null),
      (${`${tag}:known`}, 0, now() - interval '3 days', null, now() + interval '20 days'),
      (${`${tag}:recent`}, 2, now() - interval '1 hour', null, null)`);

    await pruneExpired();

    const sessions = rowsOf<{ id: string }>(await db.execute(sql`select id from sessions where id in (${old}, ${live})`)).map((r) => r.id);
    expect(sessions).toEqual([live]);
    const counters = rowsOf<{ key: string }>(await db.execute(sql`select key from sign_in_throttle where key like ${`${tag}:%`} order by key`)).map((r) =>
      r.key.slice(tag.length + 1),
    );
    expect(counters).toEqual(['known', 'locked', 'recent']);
  });

  it('removes sign-ups a week after their link expired, and keeps the rest', async () => {
    const db = await owner();
    const tag = randomUUID().slice(0, 8);
    const ages = { 'expired-8-days-ago': '8 days', 'expired-yesterday': '1 day', 'still-open': '-1 day' } as const;
    for (const [label, age] of Object.entries(ages)) {
      await db.execute(sql`insert into pending_signups (practice_id, email, name, practice_name, time_zone, token_hash, expires_at)
        values (${PLATFORM_PRACTICE_ID}, ${`${label}-${tag}@signup.example`}, 'Someone', 'A practice', 'UTC', ${`${label}-${tag}`}, now() - ${age}::interval)`);
    }
    await pruneExpired();
    const left = rowsOf<{ email: string }>(await db.execute(sql`select email from pending_signups where email like ${`%-${tag}@signup.example`} order by email`)).map(
      (r) => r.email.split(`-${tag}`)[0],
    );
    expect(left).toEqual(['expired-yesterday', 'still-open']);
  });

  it('the application role cannot delete these rows itself, only run the functions that remove what has expired', async () => {
    const db = await owner();
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`set local role mend_app`);
      await tx.execute(sql`delete from sign_in_throttle`);
    });
    await expect(attempt).rejects.toSatisfy((error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
      return cause.code === '42501';
    });
  });
});
