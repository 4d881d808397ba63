import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, max, sql, type SQL } from 'drizzle-orm';
import { careTeam, clients, submissions } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { isUuid } from '@/lib/access/ids';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { isLocalDay } from '@/lib/time/day';
import type { SubmissionStatus } from './shared';
import { templateTitles } from './templates';

/**
 * The submissions inbox with its filters: client, exercise, review status and the day it was sent (the
 * practice's local days, inclusive), a page at a time with the total. Filters come from the URL, so a view can
 * be bookmarked; anything malformed is dropped, never passed to SQL.
 */

export const INBOX_STATUSES = ['unreviewed', 'revision', 'reviewed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const INBOX_STATUS_LABELS: Record<InboxStatus, string> = {
  unreviewed: 'Needs review',
  revision: 'Asked to revise',
  reviewed: 'Reviewed',
};
const STATUS_OF: Record<InboxStatus, SubmissionStatus> = { unreviewed: 'submitted', revision: 'revision_requested', reviewed: 'reviewed' };

export const INBOX_PAGE_SIZE = 25;
const MAX_PAGE = 10_000;

export type InboxFilters = {
  client: string | null;
  exercise: string | null;
  status: InboxStatus | null;
  from: string | null;
  to: string | null;
  page: number;
};

export function parseInboxFilters(params: Record<string, string | string[] | undefined>): InboxFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string).trim() : '');
  const day = (v: string) => (isLocalDay(v) && v >= '1900-01-01' && v <= '9999-12-31' ? v : null);
  // `show=unreviewed` is the inbox's older address for the same view.
  const status = one('status') || (one('show') === 'unreviewed' ? 'unreviewed' : '');
  const page = Number.parseInt(one('page'), 10);
  return {
    client: isUuid(one('client')) ? one('client').toLowerCase() : null,
    exercise: /^[a-z0-9_-]{1,80}$/.test(one('exercise')) ? one('exercise') : null,
    status: (INBOX_STATUSES as readonly string[]).includes(status) ? (status as InboxStatus) : null,
    from: day(one('from')),
    to: day(one('to')),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** The URL query of a view (page 1 is left out), for links that keep the filters. */
export function inboxQuery(f: InboxFilters, page = f.page): string {
  const params = new URLSearchParams();
  for (const key of ['client', 'exercise', 'status', 'from', 'to'] as const) if (f[key]) params.set(key, f[key]!);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function conditions(actor: Actor, f: InboxFilters): SQL[] {
  const zone = actor.practice.timeZone;
  const out: (SQL | undefined)[] = [
    eq(submissions.practiceId, actor.practiceId),
    eq(careTeam.membershipId, actor.membershipId),
    gte(submissions.currentVersion, 1),
    f.client ? eq(submissions.clientId, f.client) : undefined,
    f.exercise ? eq(submissions.templateKey, f.exercise) : undefined,
    f.status ? eq(submissions.status, STATUS_OF[f.status]) : undefined,
    f.from ? gte(submissions.submittedAt, sql`(${f.from}::date)::timestamp at time zone ${zone}`) : undefined,
    f.to ? lt(submissions.submittedAt, sql`((${f.to}::date + 1)::timestamp at time zone ${zone})`) : undefined,
  ];
  return out.filter((c): c is SQL => c !== undefined);
}

export type InboxItem = {
  submissionId: string;
  clientId: string;
  clientName: string;
  title: string;
  status: SubmissionStatus;
  version: number;
  submittedAt: string | null;
  unreviewed: boolean;
};

export type InboxPage = { items: InboxItem[]; total: number; unreviewed: number; page: number; pageCount: number };

/** One page of sent work from the actor's care-team clients, newest first, with the total and how many need review. */
export async function listInbox(actor: Actor, f: InboxFilters): Promise<InboxPage> {
  assertCan(actor, 'submission.review');
  return withActor(actor, async (tx) => {
    const careTeamJoin = and(eq(careTeam.practiceId, submissions.practiceId), eq(careTeam.clientId, submissions.clientId));
    const where = and(...conditions(actor, f));
    const [totals] = await tx
      .select({ total: count(), unreviewed: sql<number>`count(*) filter (where ${submissions.status} = 'submitted')`.mapWith(Number) })
      .from(submissions)
      .innerJoin(careTeam, careTeamJoin)
      .where(where);
    const total = totals?.total ?? 0;
    const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
    const page = Math.min(f.page, pageCount);
    const rows = total
      ? await tx
          .select({
            id: submissions.id,
            clientId: submissions.clientId,
            templateKey: submissions.templateKey,
            templateVersion: submissions.templateVersion,
            status: submissions.status,
            version: submissions.currentVersion,
            submittedAt: submissions.submittedAt,
            firstName: clients.firstName,
            lastName: clients.lastName,
            preferredName: clients.preferredName,
          })
          .from(submissions)
          .innerJoin(careTeam, careTeamJoin)
          .innerJoin(clients, and(eq(clients.practiceId, submissions.practiceId), eq(clients.id, submissions.clientId)))
          .where(where)
          // The id breaks ties, so a row never appears on two pages.
          .orderBy(sql`${submissions.submittedAt} desc nulls last`, desc(submissions.id))
          .limit(INBOX_PAGE_SIZE)
          .offset((page - 1) * INBOX_PAGE_SIZE)
      : [];
    const title = await templateTitles(tx, actor, rows.map((r) => ({ key: r.templateKey, version: r.templateVersion })));
    const items = rows.map((r) => ({
      submissionId: r.id,
      clientId: r.clientId,
      clientName: displayName(r),
      title: title(r.templateKey, r.templateVersion),
      status: r.status,
      version: r.version,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      unreviewed: r.status === 'submitted',
    }));
    return { items, total, unreviewed: totals?.unreviewed ?? 0, page, pageCount };
  });
}

/** The filters' choices: the actor's care-team clients, and the exercises they have sent. */
export async function inboxFilterOptions(actor: Actor): Promise<{ clients: { id: string; name: string }[]; exercises: { key: string; title: string }[] }> {
  assertCan(actor, 'submission.review');
  return withActor(actor, async (tx) => {
    const clientRows = await tx
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
      .from(clients)
      .innerJoin(careTeam, and(eq(careTeam.practiceId, clients.practiceId), eq(careTeam.clientId, clients.id)))
      .where(and(eq(clients.practiceId, actor.practiceId), eq(careTeam.membershipId, actor.membershipId)))
      .orderBy(asc(clients.lastName), asc(clients.firstName));
    if (!clientRows.length) return { clients: [], exercises: [] };
    const sent = await tx
      .select({ key: submissions.templateKey, version: max(submissions.templateVersion) })
      .from(submissions)
      .where(
        and(
          eq(submissions.practiceId, actor.practiceId),
          gte(submissions.currentVersion, 1),
          inArray(submissions.clientId, clientRows.map((c) => c.id)),
        ),
      )
      .groupBy(submissions.templateKey);
    const title = await templateTitles(tx, actor, sent.map((s) => ({ key: s.key, version: s.version })));
    return {
      clients: clientRows.map((c) => ({ id: c.id, name: displayName(c) })),
      exercises: sent.map((s) => ({ key: s.key, title: title(s.key, s.version) })).sort((a, b) => a.title.localeCompare(b.title)),
    };
  });
}
