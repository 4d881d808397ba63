import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { addToCareTeam, createClientRecord } from '../../db/seed/factories';
import { type RosterRow, loadRoster } from '../../lib/caseload/roster';
import { ALERT_FILTERS, BAND_FILTERS, CHANGE_FILTERS, type RosterView } from '../../lib/caseload/view';
import { actorFor } from '../support/factories';
import { insertCheckins } from '../support/clinical';
import { TZ, type World, buildWorld, view } from '../support/roster-world';
import { today } from '../support/caseload';

describe('an admin’s practice-wide roster', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it('lists an admin exactly the practice’s clients in scope, whatever their summaries (one pass over the practice)', async () => {
    // The practice-wide roster reads every summary row of the practice at once and keeps those of listed clients:
    // an archived client, or one outside the status filter, has a summary row and must not become a row.
    const gone = await createClientRecord(w.db, w.p.id, { firstName: 'Ari', lastName: 'Archived', status: 'archived' });
    await insertCheckins(w.p.id, gone.id, [{ localDay: today(TZ), mood: 5 }]);
    const admin = (await actorFor(w.p.admin, w.p.id))!;
    const expected = async (status: string | null) =>
      rowsOf<{ id: string }>(
        await w.db.execute(
          sql`select id from clients where practice_id = ${w.p.id} and status <> 'archived' and (${status}::text is null or status::text = ${status})`,
        ),
      )
        .map((r) => r.id)
        .sort();
    for (const [narrowing, status] of [
      [{}, null],
      [{ status: 'paused' as const }, 'paused'],
      [{ disengaged: true }, null],
      [{ sort: 'lastCheckin' as const, dir: 'desc' as const }, null],
    ] as const) {
      const page = await loadRoster(admin, view({ ...narrowing, size: 100 }));
      const ids = page.rows.map((r) => r.id);
      expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
      if ('disengaged' in narrowing) {
        expect(ids).not.toContain(gone.id);
        continue;
      }
      expect([...ids].sort()).toEqual(await expected(status));
      expect(page.total).toBe(ids.length);
    }
  });

  it('filters an admin on clinical facts exactly as over the whole practice, with and without a therapist filter', async () => {
    // An admin on some care teams (one shared with each kind of clinical fact), others in the practice off them: a
    // clinical filter keeps exactly the rows of the unfiltered roster (every client) whose shown facts match it.
    for (const id of [w.ids.urgent, w.ids.deteriorated, w.ids.steady])
      await addToCareTeam(w.db, w.p.id, id, w.admin.membershipId);
    const admin = (await actorFor(w.p.admin, w.p.id))!;
    const clinical = (r: RosterRow) => r.clinical;
    const matches: [Partial<RosterView>, (r: RosterRow) => boolean][] = [
      ...ALERT_FILTERS.map((alert): [Partial<RosterView>, (r: RosterRow) => boolean] => [
        { alert },
        (r) => {
          const a = clinical(r)?.alerts;
          if (!a) return false;
          return alert === 'urgent'
            ? a.urgent > 0
            : alert === 'follow_up'
              ? a.followUp > 0
              : alert === 'any'
                ? a.urgent + a.followUp > 0
                : a.urgent + a.followUp === 0;
        },
      ]),
      ...BAND_FILTERS.map((b): [Partial<RosterView>, (r: RosterRow) => boolean] => [
        { band: b.value },
        (r) => clinical(r)?.[b.measure]?.band?.id === b.bandId,
      ]),
      ...CHANGE_FILTERS.map((change): [Partial<RosterView>, (r: RosterRow) => boolean] => [
        { change },
        (r) => clinical(r)?.phq9?.change === change || clinical(r)?.gad7?.change === change,
      ]),
    ];
    let nonEmpty = 0;
    for (const narrowing of [
      {},
      { therapist: w.p.therapist.membershipId },
      { therapist: w.p.otherTherapist.membershipId },
    ]) {
      const every = (await loadRoster(admin, view({ ...narrowing, size: 100 }))).rows;
      for (const [filter, match] of matches) {
        const filtered = await loadRoster(admin, view({ ...narrowing, ...filter, size: 100 }));
        const expected = every.filter(match).map((r) => r.id);
        expect(
          filtered.rows.map((r) => r.id),
          JSON.stringify(filter),
        ).toEqual(expected);
        expect(filtered.total).toBe(expected.length);
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(5);
  });
});
