import { describe, expect, it } from 'vitest';
import { submitCheckin } from '../../lib/checkins/actions';
import { daysAgo } from '../support/caseload';
import { insertCheckins } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';
import { statementsOf } from '../support/statements';

/*
 * What a check-in submit sends on the app's connection, in order (the driver's BEGIN and COMMIT come on top). A
 * check-in is the write every client makes daily: a statement added to it is paid on every check-in, so its
 * statements are fixed here.
 */

const TZ = 'America/New_York';
const calm = { mood: '6', distress: '30', window: 'within' };

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

/** The statements' kinds in order: the first word of each, and what it writes or reads. */
async function sent(fields: Record<string, string>) {
  const { result, statements } = await statementsOf(() => submitCheckin(null, form(fields)));
  expect(result).toMatchObject({ ok: true });
  return statements.map((s) => {
    const text = s.replace(/\s+/g, ' ').trim();
    if (/^select set_config\('role'/.test(text)) return 'scope';
    if (/\bsession_actor\(/.test(text)) return 'session';
    const table =
      /^(?:insert into|update|delete from) "?(\w+)"?/i.exec(text)?.[1] ?? /\bfrom "?(\w+)"?/i.exec(text)?.[1];
    return `${text.split(' ')[0]!.toLowerCase()} ${table ?? ''}`.trim();
  });
}

describe('a check-in submit', () => {
  it('first of the day, then again the same day, with and without an idempotency key', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    expect(await sent(calm)).toEqual([
      'session',
      'scope',
      'select checkins',
      'insert checkins',
      'select checkins',
      'insert audit_events',
    ]);
    actAs(p.clientA1, p.id);
    expect(await sent({ ...calm, mood: '5' })).toEqual([
      'session',
      'scope',
      'select checkins',
      'insert checkin_revisions',
      'update checkins',
      'select checkins',
      'insert audit_events',
    ]);
    actAs(p.clientA1, p.id);
    expect(await sent({ ...calm, mood: '4', idempotencyKey: 'cost-test-key-0000001' })).toEqual([
      'session',
      'scope',
      'insert idempotency_keys',
      'select checkins',
      'insert checkin_revisions',
      'update checkins',
      'select checkins',
      'insert audit_events',
      'update idempotency_keys',
    ]);
  });

  it('reads the open alerts only when a distress streak is running', async () => {
    const p = await makePractice();
    await insertCheckins(p.id, p.clientA1.clientId, [
      { localDay: daysAgo(TZ, 2), distress: 90 },
      { localDay: daysAgo(TZ, 1), distress: 90 },
    ]);
    actAs(p.clientA1, p.id);
    expect(await sent({ ...calm, distress: '90' })).toEqual([
      'session',
      'scope',
      'select checkins',
      'insert checkins',
      'select checkins',
      'select alerts',
      'insert alerts',
      'insert audit_events',
      'insert audit_events',
    ]);
  });
});
