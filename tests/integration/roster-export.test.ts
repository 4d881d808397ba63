import { describe, expect, it } from 'vitest';
import { addToCareTeam, createClientRecord, ownerScoped } from '../../db/seed/factories';
import { exportRoster } from '../../lib/caseload/export';
import { DEFAULT_VIEW, type RosterView, parseRosterView } from '../../lib/caseload/view';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { openTestDatabase } from '../support/database';
import { actorFor, makePractice } from '../support/factories';
import { addMeasure } from '../support/caseload';
import { parseCsv } from '../support/csv';

const view = (overrides: Partial<RosterView> = {}): RosterView => ({ ...DEFAULT_VIEW, ...overrides });

describe('the roster CSV export', () => {
  it('exports the view for an admin with clinical cells empty off their care team, formulas neutralised, and audits it', async () => {
    const p = await makePractice('Export');
    const handle = await openTestDatabase();
    const db = await handle.owner();
    const evil = await createClientRecord(db, p.id, { firstName: '=HYPERLINK("http://x")', lastName: 'Evil', pronouns: '+they' });
    await addToCareTeam(db, p.id, evil.id, p.therapist.membershipId);
    await addMeasure(p.id, evil.id, 'phq9', 12, new Date());
    await addToCareTeam(db, p.id, p.clientA2.clientId, p.admin.membershipId);
    await addMeasure(p.id, p.clientA2.clientId, 'phq9', 7, new Date());
    const admin = (await actorFor(p.admin, p.id))!;

    const { csv, filename } = await exportRoster(admin, view({ sort: 'name' }));
    expect(filename).toMatch(/^caseload-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(csv);
    const phqColumn = header!.indexOf('PHQ-9');
    expect(rows).toHaveLength(3);
    const evilRow = rows.find((r) => r.join(',').includes('Evil'))!;
    expect(evilRow[0]).toBe(`'=HYPERLINK("http://x") Evil`);
    expect(evilRow).toContain("'+they");
    expect(evilRow[phqColumn + 1]).toBe(''); // off the admin's care team: no score
    const ownRow = rows.find((r) => r.join(',').includes(p.clientA2.name.split(' ').slice(1).join(' ')))!;
    expect(ownRow[phqColumn]).toBe('7');

    const selected = await exportRoster(admin, view(), [p.clientA1.clientId, 'not-an-id']);
    expect(parseCsv(selected.csv)).toHaveLength(2);

    const audits = await ownerScoped(db, p.id, (tx) =>
      tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, p.id), eq(auditEvents.action, 'caseload.export'))),
    );
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => a.meta).sort((a, b) => Number(a?.rows) - Number(b?.rows))).toEqual([
      { rows: 1, clinicalRows: 0, selection: true, filtered: false },
      { rows: 3, clinicalRows: 1, selection: false, filtered: false },
    ]);
  });

  it('never exports a client outside a therapist’s care team', async () => {
    const p = await makePractice('Export2');
    const therapist = (await actorFor(p.therapist, p.id))!;
    const { csv } = await exportRoster(therapist, view({ therapist: p.otherTherapist.membershipId }), [p.clientA2.clientId]);
    expect(parseCsv(csv)).toHaveLength(1);
    const all = await exportRoster(therapist, view());
    expect(all.csv).toContain(p.clientA1.name.split(' ').slice(1).join(' '));
    expect(all.csv).not.toContain(p.clientA2.name.split(' ').slice(1).join(' '));
  });
});

describe('roster URL parameters', () => {
  it('fall back to defaults one by one, never throwing', () => {
    expect(parseRosterView({})).toEqual(DEFAULT_VIEW);
    expect(parseRosterView({ sort: 'phq9', dir: 'desc', page: '3', size: '50', overdue: '1', band: 'gad7:severe' })).toMatchObject({
      sort: 'phq9',
      dir: 'desc',
      page: 3,
      size: 50,
      overdue: true,
      band: 'gad7:severe',
    });
    expect(parseRosterView({ sort: 'nope', dir: 'up', page: 'x', size: '13', alert: 'all', change: 'better', status: 'archived', therapist: "1' or 1=1" })).toEqual(
      DEFAULT_VIEW,
    );
    expect(parseRosterView({ sort: ['name', 'phq9'] }, '  Uma  ')).toMatchObject({ sort: 'name', q: 'Uma' });
    // The search is the session's: one in the URL is ignored.
    expect(parseRosterView({ sort: 'name', q: 'Uma' })).toMatchObject({ sort: 'name', q: '' });
  });
});
