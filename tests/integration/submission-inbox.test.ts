import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { submissions } from '../../db/schema';
import { submitExercise } from '../../lib/submissions/actions';
import { INBOX_PAGE_SIZE, inboxFilterOptions, inboxQuery, listInbox, parseInboxFilters } from '../../lib/submissions/inbox';
import { asOwner, assignThoughtRecord } from '../support/clinical';
import { actAs, actorFor, makePractice, type TestPractice } from '../support/factories';
import { fullThoughtRecord } from '../support/submissions';

/** `n` thought records sent by a client; returns their submission ids, oldest first. */
async function sent(p: TestPractice, client: TestPractice['clientA1'], n: number, byMembershipId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const occurrenceId = await assignThoughtRecord(p.id, client.clientId, byMembershipId);
    actAs(client, p.id);
    const result = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    if (!result.ok) throw new Error(`submit failed: ${result.formError}`);
    ids.push(result.data.submissionId);
  }
  return ids;
}

async function setSubmissions(practiceId: string, ids: string[], values: Partial<typeof submissions.$inferInsert>) {
  await asOwner(practiceId, (tx) => tx.update(submissions).set(values).where(and(eq(submissions.practiceId, practiceId), inArray(submissions.id, ids))));
}

describe('the submissions inbox: filters and pages', () => {
  it('filters by client, exercise, status and sent day (practice-local, inclusive), and pages with a total', async () => {
    const p = await makePractice();
    const a1 = await sent(p, p.clientA1, INBOX_PAGE_SIZE + 2, p.therapist.membershipId);
    const therapist = (await actorFor(p.therapist, p.id))!;

    // Dates: three sent on 10 March (New York), one on the 12th at 23:30 local (04:30 UTC on the 13th).
    await setSubmissions(p.id, a1.slice(0, 3), { submittedAt: new Date('2026-03-10T15:00:00Z') });
    await setSubmissions(p.id, [a1[3]!], { submittedAt: new Date('2026-03-13T03:30:00Z') });
    await setSubmissions(p.id, a1.slice(4, 6), { status: 'reviewed', reviewedAt: new Date() });
    await setSubmissions(p.id, [a1[6]!], { status: 'revision_requested' });

    const all = await listInbox(therapist, parseInboxFilters({}));
    expect(all).toMatchObject({ total: INBOX_PAGE_SIZE + 2, unreviewed: INBOX_PAGE_SIZE - 1, page: 1, pageCount: 2 });
    expect(all.items).toHaveLength(INBOX_PAGE_SIZE);
    const second = await listInbox(therapist, parseInboxFilters({ page: '2' }));
    expect(second.items).toHaveLength(2);
    // Every submission exactly once across the pages, newest first.
    const seen = [...all.items, ...second.items].map((i) => i.submissionId);
    expect(new Set(seen).size).toBe(INBOX_PAGE_SIZE + 2);
    const times = [...all.items, ...second.items].map((i) => i.submittedAt!);
    expect([...times].sort().reverse()).toEqual(times);
    // A page past the end shows the last page.
    expect((await listInbox(therapist, parseInboxFilters({ page: '99' }))).page).toBe(2);

    const reviewed = await listInbox(therapist, parseInboxFilters({ status: 'reviewed' }));
    expect(reviewed.items.map((i) => i.submissionId).sort()).toEqual(a1.slice(4, 6).sort());
    expect((await listInbox(therapist, parseInboxFilters({ status: 'revision' }))).items.map((i) => i.submissionId)).toEqual([a1[6]]);
    const unreviewed = await listInbox(therapist, parseInboxFilters({ show: 'unreviewed' }));
    expect(unreviewed.total).toBe(INBOX_PAGE_SIZE - 1);
    expect(unreviewed.items.every((i) => i.unreviewed)).toBe(true);

    const onTenth = await listInbox(therapist, parseInboxFilters({ from: '2026-03-10', to: '2026-03-10' }));
    expect(onTenth.items.map((i) => i.submissionId).sort()).toEqual(a1.slice(0, 3).sort());
    // 23:30 on the 12th in New York is the 12th, though it is the 13th in UTC.
    expect((await listInbox(therapist, parseInboxFilters({ from: '2026-03-12', to: '2026-03-12' }))).items.map((i) => i.submissionId)).toEqual([a1[3]]);
    expect((await listInbox(therapist, parseInboxFilters({ from: '2026-03-13', to: '2026-03-13' }))).total).toBe(0);
    expect((await listInbox(therapist, parseInboxFilters({ from: '2026-03-11', to: '2026-03-12', status: 'unreviewed' }))).total).toBe(1);

    expect((await listInbox(therapist, parseInboxFilters({ exercise: 'thought_record' }))).total).toBe(INBOX_PAGE_SIZE + 2);
    expect((await listInbox(therapist, parseInboxFilters({ exercise: 'safe_place' }))).total).toBe(0);
    expect((await listInbox(therapist, parseInboxFilters({ client: p.clientA1.clientId }))).total).toBe(INBOX_PAGE_SIZE + 2);
  });

  it("shows only the actor's care team: another client's work is not listed even when asked for by id", async () => {
    const p = await makePractice();
    await sent(p, p.clientA2, 2, p.otherTherapist.membershipId);
    await sent(p, p.clientA1, 1, p.therapist.membershipId);
    const therapist = (await actorFor(p.therapist, p.id))!;
    expect((await listInbox(therapist, parseInboxFilters({}))).total).toBe(1);
    expect((await listInbox(therapist, parseInboxFilters({ client: p.clientA2.clientId }))).total).toBe(0);
    const options = await inboxFilterOptions(therapist);
    expect(options.clients.map((c) => c.id)).toEqual([p.clientA1.clientId]);
    expect(options.exercises).toEqual([{ key: 'thought_record', title: 'Thought record' }]);
    const other = await makePractice();
    const outsider = (await actorFor(other.therapist, other.id))!;
    expect((await listInbox(outsider, parseInboxFilters({ client: p.clientA1.clientId }))).total).toBe(0);
    await expect(listInbox((await actorFor(p.admin, p.id))!, parseInboxFilters({}))).rejects.toThrow(/forbidden/);
  });

  it('drops malformed filters instead of passing them on, and keeps the rest in links', () => {
    const f = parseInboxFilters({ client: 'nope', exercise: "x'; drop", status: 'maybe', from: '2026-02-30', to: '2026-03-01', page: '-3' });
    expect(f).toEqual({ client: null, exercise: null, status: null, from: null, to: '2026-03-01', page: 1 });
    expect(inboxQuery({ ...f, status: 'reviewed' }, 3)).toBe('?status=reviewed&to=2026-03-01&page=3');
    expect(inboxQuery(f, 1)).toBe('?to=2026-03-01');
  });
});
