import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, auditEvents, clients } from '../../db/schema';
import type { Actor } from '../../lib/auth/types';
import { type MeasureKey } from '../../lib/measures';
import { addDays, localDay } from '../../lib/time/day';
import { exportClientCsv } from '../../lib/reports/exports';
import { exportClientFhir } from '../../lib/reports/fhir-export';
import { defaultPeriod } from '../../lib/reports/period';
import { loadProgressReport } from '../../lib/reports/progress';
import { insertAdministrations } from '../support/caseload';
import { asOwner, insertCheckins } from '../support/clinical';
import { parseCsv } from '../support/csv';
import { type TestPractice, actAs, actorFor, makePractice } from '../support/factories';
import { bundleErrors } from '../support/fhir';

const DAY = 86_400_000;
const TZ = 'America/New_York';
const NON_LATIN = { firstName: 'Łucja', lastName: '王芳-Ωμέγα' };

function answers(key: MeasureKey, values: number[]): Record<string, number> {
  return Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
}

let p: TestPractice;
let therapist: Actor;
let otherTherapist: Actor;
let admin: Actor;
let clientA1: Actor;
let clientA2: Actor;
const today = () => localDay(new Date(), TZ);

beforeAll(async () => {
  p = await makePractice('Reports');
  const clientId = p.clientA1.clientId;
  const administrations: { key: MeasureKey; values: number[]; daysAgo: number }[] = [
    { key: 'phq9', values: [2, 2, 2, 2, 2, 2, 2, 2, 0], daysAgo: 60 }, // 16, moderately severe
    { key: 'phq9', values: [1, 1, 1, 1, 1, 1, 1, 1, 0], daysAgo: 5 }, // 8, mild
    { key: 'gad7', values: [2, 2, 2, 2, 1, 1, 1], daysAgo: 60 }, // 11, moderate
    { key: 'gad7', values: [1, 1, 1, 1, 1, 1, 1], daysAgo: 5 }, // 7, mild
  ];
  await insertCheckins(
    p.id,
    clientId,
    [10, 8, 6, 4, 2].map((d, i) => ({
      localDay: addDays(today(), -d),
      mood: 4 + i,
      distress: 70 - i * 10,
      window: (i === 0 ? 'hyper' : 'within') as 'hyper' | 'within',
      note: i === 0 ? 'Talked with 李雷 — felt better' : null,
    })),
  );
  // One at a time, as they were taken: the export lists same-day administrations in the order they were made.
  for (const a of administrations) await insertAdministrations(p.id, clientId, [{ key: a.key, answers: answers(a.key, a.values), daysAgo: a.daysAgo }]);
  await asOwner(p.id, async (tx) => {
    await tx
      .update(clients)
      .set(NON_LATIN)
      .where(and(eq(clients.practiceId, p.id), eq(clients.id, clientId)));
    const assignmentId = randomUUID();
    await tx.insert(assignments).values({
      practiceId: p.id,
      id: assignmentId,
      clientId,
      kind: 'exercise',
      templateKey: 'journaling',
      startDate: addDays(today(), -20),
      timeZone: TZ,
      recurrence: { kind: 'every_n_days', n: 7, end: { count: 3 } },
      createdByMembershipId: p.therapist.membershipId,
      createdAt: new Date(Date.now() - 21 * DAY),
    });
    await tx.insert(assignmentOccurrences).values(
      (['submitted', 'missed', 'due'] as const).map((status, index) => ({
        practiceId: p.id,
        assignmentId,
        clientId,
        index,
        localDate: addDays(today(), -[20, 13, -1][index]!),
        dueAt: new Date(Date.now() - [20, 13, -1][index]! * DAY),
        status,
      })),
    );
  });
  const actors = (await Promise.all([
    actorFor(p.therapist, p.id),
    actorFor(p.otherTherapist, p.id),
    actorFor(p.admin, p.id),
    actorFor(p.clientA1, p.id),
    actorFor(p.clientA2, p.id),
  ])) as Actor[];
  [therapist, otherTherapist, admin, clientA1, clientA2] = actors as [Actor, Actor, Actor, Actor, Actor];
});

function auditRows(action: string) {
  return asOwner(p.id, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.practiceId, p.id),
          eq(auditEvents.action, action),
          eq(auditEvents.clientId, p.clientA1.clientId),
        ),
      )
      // Oldest first: `at(-1)` is the latest row whatever order the table's pages hold them in.
      .orderBy(asc(auditEvents.at)),
  );
}

describe('the progress report', () => {
  it('gives the care team scores, bands and reliable change against baseline, check-in summaries and adherence, and audits it', async () => {
    const before = (await auditRows('report.create')).length;
    const report = await loadProgressReport(therapist, p.clientA1.clientId, defaultPeriod(today()));
    expect(report).not.toBeNull();
    expect(report!.clientName).toBe('Łucja 王芳-Ωμέγα');
    const phq9 = report!.measures.find((m) => m.key === 'phq9')!;
    expect([phq9.baseline.score, phq9.baseline.bandLabel, phq9.latest.score, phq9.latest.bandLabel]).toEqual([
      16,
      'Moderately severe',
      8,
      'Mild',
    ]);
    expect(phq9.sinceBaseline).toMatchObject({
      change: -8,
      classification: 'reliable_improvement',
      response: true,
      remission: false,
    });
    const gad7 = report!.measures.find((m) => m.key === 'gad7')!;
    expect(gad7.sinceBaseline).toMatchObject({ change: -4, classification: 'reliable_improvement' });
    expect(report!.recovery).toMatchObject({ caseAtBaseline: true, recovery: true, reliableRecovery: true });
    expect(report!.checkins.summary).toEqual({
      daysInPeriod: 90,
      checkins: 5,
      mood: { mean: 6, min: 4, max: 8 },
      distress: { mean: 50, min: 30, max: 70 },
      window: { hypo: 0, within: 4, hyper: 1 },
    });
    // Two fell due in the period (the third is 1 day from now): one submitted, one missed.
    expect(report!.homework.overall).toEqual({ due: 2, completed: 1, ratio: 0.5 });
    const rows = await auditRows('report.create');
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1)!;
    expect(row.actorUserId).toBe(p.therapist.userId);
    expect(JSON.stringify(row.meta)).not.toMatch(/Łucja|李雷|Mild/);
  });

  it('a shorter period reads change against the baseline before it and counts only its own check-ins', async () => {
    const report = await loadProgressReport(therapist, p.clientA1.clientId, {
      from: addDays(today(), -7),
      to: today(),
    });
    const phq9 = report!.measures.find((m) => m.key === 'phq9')!;
    expect(phq9.pointsInRange).toBe(1);
    expect(phq9.baseline.score).toBe(16);
    expect(report!.checkins.summary.checkins).toBe(3);
  });

  it('is refused, reading and auditing nothing, to anyone but the client and their care team', async () => {
    const before = (await auditRows('report.create')).length;
    for (const actor of [otherTherapist, admin, clientA2]) {
      expect(await loadProgressReport(actor, p.clientA1.clientId, defaultPeriod(today()))).toBeNull();
    }
    expect((await auditRows('report.create')).length).toBe(before);
    const own = await loadProgressReport(clientA1, p.clientA1.clientId, defaultPeriod(today()));
    expect(own?.measures.map((m) => m.key)).toEqual(['phq9', 'gad7']);
  });
});

describe('the CSV exports', () => {
  it('check-ins: a byte-order mark, non-Latin names intact when read back, times in the practice zone with offsets; audited', async () => {
    const before = (await auditRows('client.export')).length;
    const download = await exportClientCsv(therapist, p.clientA1.clientId, 'checkins');
    const bytes = Buffer.from(download!.body, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8').decode(bytes); // strips the mark, as a spreadsheet does
    const [header, ...lines] = parseCsv(text);
    expect(header!.slice(0, 2)).toEqual(['Client', 'Day']);
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => line[0] === 'Łucja 王芳-Ωμέγα')).toBe(true);
    expect(lines[0]![header!.indexOf('Note')]).toBe('Talked with 李雷 — felt better');
    expect(lines[0]![header!.indexOf('First recorded')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
    const rows = await auditRows('client.export');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)!.meta).toEqual({ file: 'checkins', format: 'csv', rows: 5 });
  });

  it('measures: item answers, scores and bands, one row per administration', async () => {
    const download = await exportClientCsv(clientA1, p.clientA1.clientId, 'measures');
    const [header, first, ...rest] = parseCsv(download!.body);
    expect(rest).toHaveLength(3);
    const at = (name: string) => first![header!.indexOf(name)];
    expect([at('Measure'), at('Score'), at('Band'), at('q1'), at('q9')]).toEqual([
      'PHQ-9',
      '16',
      'Moderately severe',
      '2',
      '0',
    ]);
  });

  it('homework: one row per occurrence with its status', async () => {
    const download = await exportClientCsv(therapist, p.clientA1.clientId, 'homework');
    expect(download!.rows).toBe(3);
    expect(download!.body).toMatch(/submitted/);
    expect(download!.body).toMatch(/missed/);
  });

  it('is refused to anyone off the care team, and a client only ever gets their own', async () => {
    for (const actor of [otherTherapist, admin, clientA2]) {
      expect(await exportClientCsv(actor, p.clientA1.clientId, 'checkins')).toBeNull();
    }
  });

  it('the route handler answers with the file as a download, and 404 for another therapist', async () => {
    const { GET } = await import('../../app/(clinic)/clients/[clientId]/export/[file]/route');
    const params = Promise.resolve({ clientId: p.clientA1.clientId, file: 'checkins' });
    actAs(p.therapist, p.id);
    const ok = await GET(new Request('http://localhost/x'), { params });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment; filename="checkins-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...new Uint8Array(await ok.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    actAs(p.otherTherapist, p.id);
    expect((await GET(new Request('http://localhost/x'), { params })).status).toBe(404);
    actAs(null);
    expect((await GET(new Request('http://localhost/x'), { params })).status).toBe(401);
  });
});

describe('the FHIR bundle', () => {
  it('validates with zero errors against the R4 definitions and is audited', async () => {
    const bundle = await exportClientFhir(therapist, p.clientA1.clientId);
    expect(bundleErrors(bundle!)).toEqual([]);
    const types = bundle!.entry!.map((e) => e.resource!.resourceType);
    expect(types.filter((t) => t === 'Observation')).toHaveLength(4);
    expect(types.filter((t) => t === 'Questionnaire')).toHaveLength(2);
    const rows = await auditRows('client.export');
    expect(rows.at(-1)!.meta).toEqual({ format: 'fhir', resources: bundle!.entry!.length });
    expect(await exportClientFhir(otherTherapist, p.clientA1.clientId)).toBeNull();
    expect(await exportClientFhir(admin, p.clientA1.clientId)).toBeNull();
  });
});
