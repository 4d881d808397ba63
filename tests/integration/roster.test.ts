import { beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, createClientRecord } from '../../db/seed/factories';
import { ATTENTION_CRITERIA, EVERYONE_ELSE_RANK, attentionRank } from '../../lib/caseload/attention';
import { type RosterRow, loadRoster } from '../../lib/caseload/roster';
import { type RosterView, parseRosterView } from '../../lib/caseload/view';
import { daysAgo, today } from '../support/caseload';
import { openTestDatabase } from '../support/database';
import { actorFor, makePractice } from '../support/factories';
import { statementsOf } from '../support/statements';
import { TZ, type World, buildWorld, names, view } from '../support/roster-world';

describe('the caseload roster', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('opens in "needs attention" order: urgent, follow-up, deterioration, overdue, silent, everyone else', async () => {
    const { rows, total } = await loadRoster(w.therapist, view());
    expect(total).toBe(8);
    expect(names(rows)).toEqual([
      'Uma Zulu',
      'Fay Young',
      'Dee Xu',
      'Oli Wong',
      w.p.clientA1.name,
      'Ned Vale',
      'Eve Adams',
      'Pat Baker',
    ]);
    expect(rows.map((r) => r.attentionRank)).toEqual([0, 1, 2, 3, 4, 4, EVERYONE_ELSE_RANK, EVERYONE_ELSE_RANK]);
    expect(ATTENTION_CRITERIA.map((c) => c.id)).toEqual([
      'urgent_alert',
      'follow_up_alert',
      'reliable_deterioration',
      'overdue_homework',
      'no_recent_checkin',
    ]);
  });

  it('ranks in SQL exactly as the TypeScript rule ranks the same facts', async () => {
    const { rows } = await loadRoster(w.therapist, view());
    for (const r of rows) {
      const c = r.clinical!;
      expect(c).not.toBeNull();
      expect(
        attentionRank({
          status: r.status,
          openUrgentAlerts: c.alerts.urgent,
          openFollowUpAlerts: c.alerts.followUp,
          phq9Change: c.phq9?.change ?? null,
          gad7Change: c.gad7?.change ?? null,
          overdueHomework: r.homework.overdue,
          daysSinceCheckin: r.daysSinceCheckin,
        }),
      ).toBe(r.attentionRank);
    }
  });

  it('shows each client’s facts: check-in, sparkline, measures with baseline change, homework, alerts, next measure', async () => {
    const { rows } = await loadRoster(w.therapist, view({ sort: 'name' }));
    const eve = rows.find((r) => r.id === w.ids.steady)!;
    expect(eve.pronouns).toBe('they/them');
    expect(eve.lastCheckinDay).toBe(today(TZ));
    expect(eve.daysSinceCheckin).toBe(0);
    expect(eve.clinical!.mood).toEqual([{ day: daysAgo(TZ, 1), mood: 5 }, { day: today(TZ), mood: 6 }]);
    expect(eve.clinical!.phq9).toMatchObject({ score: 8, baselineScore: 16, change: 'reliable_improvement', changeBy: -8 });
    expect(eve.clinical!.phq9!.band?.id).toBe('mild');
    // One GAD-7 only: it is its own baseline, so there is no change to classify yet.
    expect(eve.clinical!.gad7).toMatchObject({ score: 9, baselineScore: 9, change: null });
    expect(eve.homework).toEqual({ due: 3, completed: 3, ratio: 1, overdue: 0 });
    // Schedules: PHQ-9 every 14 days from 20 days ago → due in 8 days; GAD-7 every 30 from yesterday → in 29.
    expect(eve.nextMeasureDue).toBe(daysAgo(TZ, -8));
    expect(eve.clinical!.nextMeasure).toBe('phq9');

    const dee = rows.find((r) => r.id === w.ids.deteriorated)!;
    expect(dee.clinical!.phq9).toMatchObject({ score: 15, baselineScore: 8, change: 'reliable_deterioration', changeBy: 7 });
    expect(dee.clinical!.phq9!.band?.id).toBe('moderately_severe');
    expect(dee.nextMeasureDue).toBeNull(); // its only schedule has ended

    const oli = rows.find((r) => r.id === w.ids.overdue)!;
    // The cancelled occurrence is left out; the one due in two days is not due yet.
    expect(oli.homework).toEqual({ due: 2, completed: 1, ratio: 0.5, overdue: 1 });

    const fay = rows.find((r) => r.id === w.ids.followUp)!;
    expect(fay.clinical!.alerts).toEqual({ urgent: 0, followUp: 1 });
    const ned = rows.find((r) => r.id === w.ids.silent)!;
    expect(ned.daysSinceCheckin).toBe(8);
    // The sparkline covers 14 days: the check-in 20 days ago is outside it.
    expect(ned.clinical!.mood).toEqual([{ day: daysAgo(TZ, 8), mood: 3 }]);
  });

  it('filters on the server: alert tier, band, reliable change, overdue, disengaged, status', async () => {
    const ids = async (v: Partial<RosterView>) => (await loadRoster(w.therapist, view(v))).rows.map((r) => r.id).sort();
    expect(await ids({ alert: 'urgent' })).toEqual([w.ids.urgent]);
    expect(await ids({ alert: 'follow_up' })).toEqual([w.ids.followUp]);
    expect(await ids({ alert: 'any' })).toEqual([w.ids.urgent, w.ids.followUp].sort());
    expect(await ids({ alert: 'none' })).toHaveLength(6);
    expect(await ids({ band: 'phq9:moderately_severe' })).toEqual([w.ids.deteriorated]);
    expect(await ids({ band: 'phq9:mild' })).toEqual([w.ids.steady]);
    expect(await ids({ band: 'gad7:mild' })).toEqual([w.ids.deteriorated, w.ids.steady].sort());
    expect(await ids({ change: 'reliable_deterioration' })).toEqual([w.ids.deteriorated]);
    expect(await ids({ change: 'reliable_improvement' })).toEqual([w.ids.steady]);
    expect(await ids({ overdue: true })).toEqual([w.ids.overdue]);
    expect(await ids({ disengaged: true })).toEqual([w.ids.silent, w.p.clientA1.clientId].sort());
    expect(await ids({ status: 'paused' })).toEqual([w.ids.paused]);
    expect(await ids({ status: 'active', change: 'reliable_improvement', band: 'phq9:mild' })).toEqual([w.ids.steady]);
    expect(await ids({ status: 'paused', band: 'phq9:mild' })).toEqual([]);
  });

  it('searches by name, treating LIKE wildcards literally', async () => {
    expect(names((await loadRoster(w.therapist, view({ q: 'zul' }))).rows)).toEqual(['Uma Zulu']);
    expect(names((await loadRoster(w.therapist, view({ q: 'uma z' }))).rows)).toEqual(['Uma Zulu']);
    expect((await loadRoster(w.therapist, view({ q: '%' }))).total).toBe(0);
    expect((await loadRoster(w.therapist, view({ q: '_' }))).total).toBe(0);
  });

  it('sorts by any column, in either direction, empty values last', async () => {
    const byName = await loadRoster(w.therapist, view({ sort: 'name' }));
    expect(names(byName.rows).slice(0, 3)).toEqual(['Eve Adams', 'Pat Baker', w.p.clientA1.name]);
    const byNameDesc = await loadRoster(w.therapist, view({ sort: 'name', dir: 'desc' }));
    expect(names(byNameDesc.rows)[0]).toBe('Uma Zulu');
    const byPhq = await loadRoster(w.therapist, view({ sort: 'phq9', dir: 'desc' }));
    expect(names(byPhq.rows).slice(0, 2)).toEqual(['Dee Xu', 'Eve Adams']);
    expect(byPhq.rows.slice(2).every((r) => r.clinical!.phq9 === null)).toBe(true);
    const byCheckin = await loadRoster(w.therapist, view({ sort: 'lastCheckin', dir: 'asc' }));
    expect(names(byCheckin.rows)[0]).toBe('Ned Vale');
    expect(byCheckin.rows.at(-1)!.lastCheckinDay).toBeNull();
    const byAlerts = await loadRoster(w.therapist, view({ sort: 'alerts', dir: 'desc' }));
    expect(names(byAlerts.rows).slice(0, 2)).toEqual(['Uma Zulu', 'Fay Young']);
    const byAdherence = await loadRoster(w.therapist, view({ sort: 'adherence', dir: 'desc' }));
    expect(names(byAdherence.rows).slice(0, 2)).toEqual(['Eve Adams', 'Oli Wong']);
    for (const sort of ['status', 'therapist', 'mood', 'gad7', 'overdue', 'nextMeasure', 'intake'] as const) {
      const r = await loadRoster(w.therapist, view({ sort, dir: 'desc' }));
      expect(r.rows).toHaveLength(8);
    }
  });

  it('paginates on the server with a stable order, and a page past the end shows the last page', async () => {
    const extra: string[] = [];
    const p = await makePractice('Pages');
    const handle = await openTestDatabase();
    const db = await handle.owner();
    for (let i = 0; i < 11; i++) {
      const { id } = await createClientRecord(db, p.id, { firstName: 'Page', lastName: `Client ${String(i).padStart(2, '0')}` });
      await addToCareTeam(db, p.id, id, p.therapist.membershipId);
      extra.push(id);
    }
    const actor = (await actorFor(p.therapist, p.id))!;
    const first = await loadRoster(actor, view({ sort: 'name', size: 10 }));
    const second = await loadRoster(actor, view({ sort: 'name', size: 10, page: 2 }));
    expect(first.total).toBe(12);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(10);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(12);
    const beyond = await loadRoster(actor, view({ sort: 'name', size: 10, page: 99 }));
    expect(beyond.page).toBe(2);
    expect(beyond.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
  });

  it('never shows a therapist a client outside their care team, whatever the URL says', async () => {
    const other = w.p.clientA2;
    const hostile = [
      `therapist=${w.p.otherTherapist.membershipId}`,
      `q=${encodeURIComponent(other.name)}`,
      `therapist=${w.p.otherTherapist.membershipId}&alert=any&status=active`,
      `sort=therapist&dir=desc&page=1&size=100`,
      `therapist=not-a-uuid&page=-3&size=7&sort=drop%20table&dir=sideways&alert=all&band=phq9:awful&overdue=yes`,
    ];
    // Each with no search and with the other client's name as the session's search term.
    for (const query of hostile) {
      for (const term of ['', other.name]) {
        const parsed = parseRosterView(new URLSearchParams(query), term);
        const { rows } = await loadRoster(w.therapist, parsed);
        expect(rows.some((r) => r.id === other.clientId)).toBe(false);
        expect(rows.every((r) => w.therapist.careTeamClientIds.has(r.id))).toBe(true);
      }
    }
    // The other therapist's roster is theirs alone.
    const theirs = await loadRoster(w.otherTherapist, view());
    expect(theirs.rows.map((r) => r.id)).toEqual([other.clientId]);
  });

  it('gives an admin the whole practice, with clinical columns only for their own care team', async () => {
    await addToCareTeam(w.db, w.p.id, w.ids.steady, w.admin.membershipId);
    const admin = (await actorFor(w.p.admin, w.p.id))!;
    const { rows, total } = await loadRoster(admin, view({ sort: 'name' }));
    expect(total).toBe(9);
    const eve = rows.find((r) => r.id === w.ids.steady)!;
    expect(eve.onMyCareTeam).toBe(true);
    expect(eve.clinical?.phq9?.score).toBe(8);
    const uma = rows.find((r) => r.id === w.ids.urgent)!;
    expect(uma.onMyCareTeam).toBe(false);
    expect(uma.clinical).toBeNull();
    // Non-clinical metadata stays: name, therapist, status, dates.
    expect(uma.therapists).toBe(w.p.therapist.name);
    expect(uma.lastCheckinDay).toBe(today(TZ));
    // Homework counts are metadata too, so an off-team client can still rank on overdue homework.
    const oli = rows.find((r) => r.id === w.ids.overdue)!;
    expect(oli.clinical).toBeNull();
    expect(oli.homework).toEqual({ due: 2, completed: 1, ratio: 0.5, overdue: 1 });
    expect(oli.attentionRank).toBe(3);
    // Nor can clinical facts leak through order or filters.
    expect(uma.attentionRank).toBe(EVERYONE_ELSE_RANK);
    expect((await loadRoster(admin, view({ alert: 'urgent' }))).total).toBe(0);
    expect((await loadRoster(admin, view({ change: 'reliable_deterioration' }))).total).toBe(0);
    expect((await loadRoster(admin, view({ alert: 'none' }))).rows.map((r) => r.id)).toEqual([w.ids.steady]);
    expect((await loadRoster(admin, view({ band: 'phq9:mild' }))).rows.map((r) => r.id)).toEqual([w.ids.steady]);
    // The therapist filter narrows an admin's roster to one therapist's team.
    const filtered = await loadRoster(admin, view({ therapist: w.p.otherTherapist.membershipId }));
    expect(filtered.rows.map((r) => r.id)).toEqual([w.p.clientA2.clientId]);
  });

  it('reads the same facts for an admin practice-wide (set-based) as per client, in every order and filter', async () => {
    // An admin's roster of the whole practice reads check-ins and homework in one pass over the practice; the
    // therapist filter takes the per-client path. Every client on both must carry the same facts and rank.
    const admin = (await actorFor(w.p.admin, w.p.id))!;
    const facts = (r: RosterRow) => ({
      id: r.id,
      rank: r.attentionRank,
      homework: r.homework,
      lastCheckinDay: r.lastCheckinDay,
      lastCheckinAt: r.lastCheckinAt,
      daysSinceCheckin: r.daysSinceCheckin,
    });
    for (const narrowing of [{}, { disengaged: true }, { overdue: true }, { sort: 'lastCheckin' as const, dir: 'desc' as const }]) {
      const wide = (await loadRoster(admin, view({ ...narrowing, size: 100 }))).rows;
      const perClient = (await loadRoster(admin, view({ ...narrowing, size: 100, therapist: w.p.therapist.membershipId }))).rows;
      expect(perClient.length).toBeGreaterThan(0);
      const wideById = new Map(wide.map((r) => [r.id, facts(r)]));
      for (const row of perClient) expect(wideById.get(row.id)).toEqual(facts(row));
    }
    const disengaged = (await loadRoster(admin, view({ disengaged: true, size: 100 }))).rows.map((r) => r.id);
    expect(disengaged).toEqual(expect.arrayContaining([w.ids.silent, w.p.clientA1.clientId]));
  });

  it('issues one statement for the rows and their total, however many clients (a count only past the last page)', async () => {
    const small = (await actorFor(w.p.otherTherapist, w.p.id))!;
    for (const [actor, filter] of [
      [w.therapist, {}],
      [small, {}],
      [w.therapist, { alert: 'any' as const, sort: 'phq9' as const }],
      [w.admin, { therapist: w.p.therapist.membershipId }],
      [w.admin, {}],
      [w.admin, { disengaged: true }],
    ] as const) {
      const { result: page, statements } = await statementsOf(() => loadRoster(actor, view(filter)));
      expect(page.rows.length).toBeGreaterThan(0);
      // The transaction's tenant setting, then the rows with their total (a window count over the filtered rows,
      // or the scope's count when no filter needs the facts).
      expect(statements).toHaveLength(2);
      expect(statements[0]).toMatch(/set_config/);
      expect(statements[1]).toMatch(/count\(\*\) over \(\)|\(select count\(\*\) (from scoped|from "care_team"|from "clients")/);
    }
    // Past the last page: the empty page, the count, then the last page.
    const { result: beyond, statements } = await statementsOf(() => loadRoster(w.therapist, view({ page: 50 })));
    expect(beyond.page).toBe(1);
    expect(beyond.rows.length).toBeGreaterThan(0);
    expect(statements).toHaveLength(4);
  });
});
