import { beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../db/schema';
import { loadPage, withActor } from '../../lib/access/scope';
import { withOwnLogin } from '../../lib/access/system-scope';
import { practiceCrisisContacts } from '../../lib/alerts/crisis-contacts';
import { listEscalatedAlerts, listOpenAlerts } from '../../lib/alerts/queries';
import { accountOverview, accountPractices, accountSessions } from '../../lib/auth/account';
import type { Actor } from '../../lib/auth/types';
import { loadCaseloadPage } from '../../lib/caseload/caseload-page';
import { DEFAULT_VIEW } from '../../lib/caseload/url';
import { myCheckinToday, myRecentCheckins } from '../../lib/checkins/queries';
import { loadPortalHome } from '../../lib/clients/portal-home';
import { loadClientRecord } from '../../lib/clients/record-page';
import { myProgress } from '../../lib/measures/queries';
import { myClinicianNotifications, myReminders } from '../../lib/reminders/queries';
import { inboxFilterOptions, listInbox, parseInboxFilters } from '../../lib/submissions/inbox';
import { insertAdministrations } from '../support/caseload';
import { insertAlert } from '../support/clinical';
import { actorFor, makePractice, type TestPractice } from '../support/factories';
import { costOf } from '../support/statements';

/*
 * Each page reads in one transaction (lib/access/scope.ts, loadPage), whatever query functions it calls. Its
 * statements, counted as the page benchmark counts them (BEGIN and COMMIT included; the session's one statement
 * comes on top), are fixed here: a query function that opens a transaction of its own again, or a page that
 * reads outside its loader, fails.
 */

let p: TestPractice;
let therapist: Actor;
let admin: Actor;
let client: Actor;

beforeAll(async () => {
  p = await makePractice();
  therapist = (await actorFor(p.therapist, p.id))!;
  admin = (await actorFor(p.admin, p.id))!;
  client = (await actorFor(p.clientA1, p.id))!;
  await insertAlert(p.id, p.clientA1.clientId, 'phq9_item9_positive');
  await insertAdministrations(p.id, p.clientA1.clientId, [
    { key: 'phq9', score: 18, daysAgo: 40 },
    { key: 'phq9', score: 11, daysAgo: 3 },
    { key: 'gad7', score: 9, daysAgo: 3 },
    // Unscorable: no headline score, in either way of reading it.
    { key: 'phq9', answers: { q1: 3 }, daysAgo: 1 },
  ]);
});

async function cost(fn: () => Promise<unknown>) {
  const { statements, transactions, writes } = await costOf(fn);
  return { statements, transactions, writes };
}

describe('a read joined to a page’s transaction', () => {
  it('is refused, not left waiting for a second connection, when it would open a transaction of another scope', async () => {
    await expect(loadPage(client, () => withOwnLogin(client.userId, async () => 'own login'))).rejects.toThrow(/inside a page load/);
    await expect(loadPage(client, () => withActor(therapist, async () => 'another actor'))).rejects.toThrow(/inside a page load/);
    await expect(loadPage(client, () => loadPage(client, async () => 'a page in a page'))).rejects.toThrow(/inside a page load/);
    // Beside the page's load, and after it, it runs as ever.
    expect(await Promise.all([loadPage(client, async () => 'page'), withOwnLogin(client.userId, async () => 'own login')])).toEqual(['page', 'own login']);
  });

  it('runs once when it hands back drizzle’s query itself (a thenable that runs again on every `.then`)', async () => {
    const { result, ...spent } = await costOf(() =>
      loadPage(client, () => withActor(client, (tx) => tx.select({ id: clients.id }).from(clients))),
    );
    expect(result).toEqual([{ id: p.clientA1.clientId }]);
    expect(spent).toEqual({ statements: 4, transactions: 1, writes: 0 });
  });
});

describe('the client record reads its header, headline and chosen section in one transaction', () => {
  it('overview: the header, care team, open alerts, reminders (their choices and the practice’s defaults in one statement), the measures’ summary (which gives the headline its scores) and its audit row', async () => {
    const { result, ...spent } = await costOf(() => loadClientRecord(therapist, p.clientA1.clientId, 'overview', '90d', true));
    expect(result.client?.id).toBe(p.clientA1.clientId);
    expect(result.headline?.openAlerts).toBe(1);
    expect(spent).toEqual({ statements: 9, transactions: 1, writes: 1 });
  });

  it.each([
    ['measures', 11],
    ['checkins', 11],
    ['homework', 13],
    ['alerts', 9],
    ['schedules', 9],
  ])('%s: %i statements, one of them the read audit', async (section, statements) => {
    expect(await cost(() => loadClientRecord(therapist, p.clientA1.clientId, section, '90d', true))).toEqual({ statements, transactions: 1, writes: 1 });
  });

  it('the headline’s scores taken from the section’s measures are the ones its own read finds', async () => {
    const read = await loadClientRecord(therapist, p.clientA1.clientId, 'alerts', '90d', true);
    expect(read.headline?.scores.map((x) => [x.key, x.score])).toEqual([
      ['phq9', 11],
      ['gad7', 9],
    ]);
    for (const section of ['overview', 'measures', 'checkins']) {
      expect((await loadClientRecord(therapist, p.clientA1.clientId, section, '90d', true)).headline, section).toEqual(read.headline);
    }
  });

  it('a client off the care team: the header and its care team only, no audit row', async () => {
    const { result, ...spent } = await costOf(() => loadClientRecord(admin, p.clientA1.clientId, 'overview', '90d', false));
    expect(result.headline).toBeNull();
    expect(spent).toEqual({ statements: 5, transactions: 1, writes: 0 });
  });
});

describe('the portal', () => {
  it('home: the care team, today’s check-in, the measures due (one statement), today’s homework and the pinned plan in one transaction', async () => {
    const { result, ...spent } = await costOf(() => loadPortalHome(client));
    expect(result.team).toEqual([expect.stringContaining('Therapist One')]);
    expect(spent).toEqual({ statements: 8, transactions: 1, writes: 0 });
  });

  it('check-in: today’s check-in and the practice’s crisis contacts in one transaction', async () => {
    expect(await cost(() => loadPage(client, () => Promise.all([myCheckinToday(client), practiceCrisisContacts(client)])))).toEqual({
      statements: 5,
      transactions: 1,
      writes: 0,
    });
  });

  it('reminders: the choices with the practice’s defaults (one statement) and the devices in one transaction', async () => {
    expect(await cost(() => loadPage(client, () => myReminders(client)))).toEqual({ statements: 5, transactions: 1, writes: 0 });
  });

  it('progress: the measures and the check-ins in one transaction', async () => {
    expect(await cost(() => loadPage(client, () => Promise.all([myProgress(client), myRecentCheckins(client, 30)])))).toEqual({
      statements: 5,
      transactions: 1,
      writes: 0,
    });
  });

  it('account: the sessions in the actor’s one transaction; a person in one practice needs no read of their memberships', async () => {
    const { result, ...spent } = await costOf(() => accountOverview(client));
    expect(result.practices.map((x) => x.practiceName)).toEqual([client.practice.name]);
    expect(result.sessions.map((x) => x.current)).toContain(true);
    expect(spent).toEqual({ statements: 4, transactions: 1, writes: 0 });
  });
});

describe('the clinic', () => {
  it('account: the sessions and the notification settings in one transaction; one practice needs no read of the memberships', async () => {
    const spent = await cost(() =>
      Promise.all([loadPage(therapist, () => Promise.all([accountSessions(therapist), myClinicianNotifications(therapist)])), accountPractices(therapist)]),
    );
    expect(spent).toEqual({ statements: 6, transactions: 1, writes: 0 });
  });

  it('caseload: the roster, its read audit and the library for bulk assignment in one transaction', async () => {
    const { result, ...spent } = await costOf(() => loadCaseloadPage(therapist, DEFAULT_VIEW));
    expect(result.roster.rows.map((r) => r.id)).toEqual([p.clientA1.clientId]);
    expect(result.library?.length).toBeGreaterThan(0);
    expect(spent).toEqual({ statements: 6, transactions: 1, writes: 1 });
  });

  it('caseload for an admin: the whole practice and the therapist filter in one transaction', async () => {
    const { result, ...spent } = await costOf(() => loadCaseloadPage(admin, DEFAULT_VIEW));
    expect(result.roster.total).toBe(2);
    expect(result.therapists).toHaveLength(2);
    expect(spent).toEqual({ statements: 5, transactions: 1, writes: 0 });
  });

  it('submissions inbox: the page of sent work and the filters’ choices in one transaction', async () => {
    const spent = await cost(() => loadPage(therapist, () => Promise.all([listInbox(therapist, parseInboxFilters({})), inboxFilterOptions(therapist)])));
    expect(spent.transactions).toBe(1);
  });

  it('alerts: the open alerts and their read audit in one transaction', async () => {
    const { result, ...spent } = await costOf(() => loadPage(therapist, () => Promise.all([listOpenAlerts(therapist), Promise.resolve([])])));
    expect(result[0]).toHaveLength(1);
    expect(spent).toEqual({ statements: 5, transactions: 1, writes: 1 });
  });

  it('alerts for an admin: the escalated ones as well, still one transaction', async () => {
    expect((await cost(() => loadPage(admin, () => Promise.all([listOpenAlerts(admin), listEscalatedAlerts(admin)])))).transactions).toBe(1);
  });
});
