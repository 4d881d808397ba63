import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignmentOutlines, assignments, exerciseTemplates, occurrenceStatuses, type OccurrenceStatus } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { getLatestTemplate, getTemplate } from '@/lib/exercises/registry';
import { getMeasure } from '@/lib/measures/definitions';
import { isMeasureKey, MEASURE_KEYS } from '@/lib/measures/types';
import { listLibrary } from '@/lib/exercises/library';
import { OUR_RULES } from '@/lib/measures/rules';
import { adherence, type Adherence } from './adherence';
import { asRecurrenceRule, describeRecurrence } from './describe';
import { effectiveOccurrenceStatus } from './missed';
import { countsAsOverdue, SET_ASIDE_STATUS } from './standing';
import { describePromptChoice } from './prompt-choice';
import type { RecurrenceRule } from './recurrence';
import { isUuid } from '@/lib/access/ids';

const DAY_MS = 86_400_000;

export type OccurrenceView = {
  id: string;
  index: number;
  localDate: string;
  dueAt: Date;
  status: OccurrenceStatus;
  /** The client's reason for setting it aside (clinical: the client and their care team only). */
  setAsideReason?: string | null;
};

export type AssignmentView = {
  id: string;
  clientId: string;
  kind: 'exercise' | 'measure';
  templateKey: string;
  templateVersion: number | null;
  title: string;
  /** Clinical text: null unless the actor is the client or on their care team (docs/clinical.md §6). */
  instructions: string | null;
  promptText: string | null;
  startDate: string;
  dueTime: string;
  timeZone: string;
  recurrence: RecurrenceRule | null;
  recurrenceLabel: string;
  status: 'active' | 'cancelled' | 'ended';
  createdAt: Date;
  occurrences: OccurrenceView[];
  adherence: Adherence;
  /** The next item still to do, if any. */
  next: OccurrenceView | null;
};

export type ClientHomework = {
  /** Whether instructions and prompts are included (the client, or their care team). */
  clinical: boolean;
  /** May edit and cancel (on the care team, with the permission). */
  canManage: boolean;
  assignments: AssignmentView[];
  adherence: ClientAdherence;
};

export type ClientAdherence = Adherence & {
  /** Items in the window whose due time passed without a submission (missed, or started and left). */
  overdue: number;
};

async function customTitles(tx: Tx, practiceId: string, keys: string[]): Promise<Map<string, string>> {
  const custom = keys.filter((k) => !getLatestTemplate(k) && !isMeasureKey(k));
  if (!custom.length) return new Map();
  const rows = await tx
    .select({ key: exerciseTemplates.key, version: exerciseTemplates.version, title: exerciseTemplates.title })
    .from(exerciseTemplates)
    .where(and(eq(exerciseTemplates.practiceId, practiceId), inArray(exerciseTemplates.key, custom)));
  return new Map(rows.map((r) => [`${r.key}@${r.version}`, r.title]));
}

function titleOf(kind: string, key: string, version: number | null, custom: Map<string, string>): string {
  if (kind === 'measure') return isMeasureKey(key) ? getMeasure(key).shortTitle : key;
  const builtIn = (version !== null ? getTemplate(key, version) : undefined) ?? getLatestTemplate(key);
  return builtIn?.title ?? custom.get(`${key}@${version ?? 1}`) ?? 'Custom exercise';
}

function overdueOf(occurrences: readonly { dueAt: Date; status: string }[], now: Date, windowDays: number): number {
  const start = now.getTime() - windowDays * DAY_MS;
  return occurrences.filter((o) => o.dueAt.getTime() >= start && countsAsOverdue(o, now)).length;
}

function clientAdherence(occurrences: readonly { dueAt: Date; status: string }[], now: Date): ClientAdherence {
  return { ...adherence(occurrences, now, OUR_RULES.adherenceWindowDays), overdue: overdueOf(occurrences, now, OUR_RULES.adherenceWindowDays) };
}

/**
 * A client's homework with every occurrence and its status, newest assignment first. For the client
 * themself and their care team; an admin off the care team gets the non-clinical outline (what was
 * assigned and its statuses, no instructions or prompt). Null when the actor may not see the client.
 */
export async function clientAssignments(actor: Actor, clientId: string, now = new Date()): Promise<ClientHomework | null> {
  const isSelf = actor.role === 'client' && actor.clientId === clientId;
  const onTeam = actor.role !== 'client' && actor.careTeamClientIds.has(clientId);
  const adminOutline = actor.role === 'admin' && !onTeam;
  if (!isSelf && !onTeam && !adminOutline) return null;
  if (!isUuid(clientId)) return null;
  const clinical = isSelf || onTeam;
  return withActor(actor, async (tx) => {
    // Off the care team, row-level security hides the assignment rows: the outline comes from the
    // metadata view, which has no instructions or prompt to leak.
    const rows = clinical
      ? await tx
          .select()
          .from(assignments)
          .where(and(eq(assignments.practiceId, actor.practiceId), eq(assignments.clientId, clientId)))
          .orderBy(desc(assignments.createdAt))
      : (
          await tx
            .select()
            .from(assignmentOutlines)
            .where(and(eq(assignmentOutlines.practiceId, actor.practiceId), eq(assignmentOutlines.clientId, clientId)))
            .orderBy(desc(assignmentOutlines.createdAt))
        ).map((r) => ({ ...r, instructions: null, promptChoice: null }));
    const occ = rows.length
      ? await tx
          .select({
            id: occurrenceStatuses.id,
            assignmentId: occurrenceStatuses.assignmentId,
            index: occurrenceStatuses.index,
            localDate: occurrenceStatuses.localDate,
            dueAt: occurrenceStatuses.dueAt,
            status: occurrenceStatuses.status,
          })
          .from(occurrenceStatuses)
          .where(and(eq(occurrenceStatuses.practiceId, actor.practiceId), eq(occurrenceStatuses.clientId, clientId)))
          .orderBy(asc(occurrenceStatuses.dueAt))
      : [];
    // Reasons for items the client set aside are the client's words: read from the table itself, which
    // row-level security shows only to the client and their care team.
    const reasons = new Map<string, string | null>();
    if (clinical && occ.some((o) => o.status === SET_ASIDE_STATUS)) {
      const rows = await tx
        .select({ id: assignmentOccurrences.id, reason: assignmentOccurrences.setAsideReason })
        .from(assignmentOccurrences)
        .where(
          and(
            eq(assignmentOccurrences.practiceId, actor.practiceId),
            eq(assignmentOccurrences.clientId, clientId),
            eq(assignmentOccurrences.status, SET_ASIDE_STATUS),
          ),
        );
      for (const r of rows) reasons.set(r.id, r.reason);
    }
    const byAssignment = new Map<string, OccurrenceView[]>();
    for (const o of occ) {
      o.status = effectiveOccurrenceStatus(o.status, o.dueAt, now);
      const list = byAssignment.get(o.assignmentId) ?? [];
      list.push({ id: o.id, index: o.index, localDate: o.localDate, dueAt: o.dueAt, status: o.status, setAsideReason: reasons.get(o.id) ?? null });
      byAssignment.set(o.assignmentId, list);
    }
    const titles = await customTitles(tx, actor.practiceId, [...new Set(rows.map((r) => r.templateKey))]);
    const views = rows.map((r): AssignmentView => {
      const occurrences = byAssignment.get(r.id) ?? [];
      const rule = asRecurrenceRule(r.recurrence);
      const prompt = clinical ? describePromptChoice(r.promptChoice) : null;
      return {
        id: r.id,
        clientId: r.clientId,
        kind: r.kind,
        templateKey: r.templateKey,
        templateVersion: r.templateVersion,
        title: titleOf(r.kind, r.templateKey, r.templateVersion, titles),
        instructions: clinical ? r.instructions : null,
        promptText: prompt?.text ?? null,
        startDate: r.startDate,
        dueTime: r.dueTime,
        timeZone: r.timeZone,
        recurrence: rule,
        recurrenceLabel: rule ? describeRecurrence(rule) : 'Unknown schedule',
        status: r.status,
        createdAt: r.createdAt,
        occurrences,
        adherence: adherence(occurrences, now),
        next: occurrences.find((o) => o.status === 'due' || o.status === 'in_progress') ?? null,
      };
    });
    return {
      clinical,
      canManage: onTeam && actor.role !== 'client',
      assignments: views,
      adherence: clientAdherence(occ, now),
    };
  });
}

/**
 * Adherence (submitted ÷ due over the last 28 days) and overdue counts for many clients in one query, for
 * the roster. Counts are non-clinical metadata: a therapist gets their care team's, an admin every
 * client's of the practice. Ids the actor may not see are left out of the result.
 */
export async function adherenceForClients(actor: Actor, clientIds: readonly string[], now = new Date()): Promise<Map<string, ClientAdherence>> {
  assertCan(actor, 'caseload.view');
  const wanted = [...new Set(clientIds)].filter(
    (id) => isUuid(id) && (actor.role === 'admin' || actor.careTeamClientIds.has(id)),
  );
  const out = new Map<string, ClientAdherence>();
  if (!wanted.length) return out;
  const from = new Date(now.getTime() - OUR_RULES.adherenceWindowDays * DAY_MS);
  const rows = await withActor(actor, (tx) =>
    tx
      .select({ clientId: occurrenceStatuses.clientId, dueAt: occurrenceStatuses.dueAt, status: occurrenceStatuses.status })
      .from(occurrenceStatuses)
      .where(
        and(
          eq(occurrenceStatuses.practiceId, actor.practiceId),
          inArray(occurrenceStatuses.clientId, wanted),
          gte(occurrenceStatuses.dueAt, from),
          lte(occurrenceStatuses.dueAt, now),
        ),
      ),
  );
  const byClient = new Map<string, { dueAt: Date; status: string }[]>();
  for (const r of rows) {
    r.status = effectiveOccurrenceStatus(r.status, r.dueAt, now);
    const list = byClient.get(r.clientId);
    if (list) list.push(r);
    else byClient.set(r.clientId, [r]);
  }
  for (const id of wanted) out.set(id, clientAdherence(byClient.get(id) ?? [], now));
  return out;
}

export type AssignableItem = { kind: 'exercise' | 'measure'; key: string; title: string };

/** What the actor can assign: their library's exercises (built-in, shared and their own) and the measures. */
export async function assignableItems(actor: Actor): Promise<AssignableItem[]> {
  assertCan(actor, 'assignment.create');
  const exercises = (await listLibrary(actor)).map((e): AssignableItem => ({ kind: 'exercise', key: e.key, title: e.title }));
  const measures = MEASURE_KEYS.map((key): AssignableItem => ({ kind: 'measure', key, title: getMeasure(key).title }));
  return [...exercises, ...measures];
}
