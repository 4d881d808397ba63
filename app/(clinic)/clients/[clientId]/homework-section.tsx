import { AssignForm } from '@/app/_components/assign-form';
import { Badge, Card, EmptyState, formatDay } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { OCCURRENCE_STATUS_LABELS, defaultSchedule } from '@/lib/assignments/describe';
import type { AssignmentView, OccurrenceView } from '@/lib/assignments/queries';
import { recordAssignable, recordHomework } from '@/lib/clients/record-page';
import { getClientHeader } from '@/lib/clients/queries';
import { CancelAssignmentButton, CancelOccurrenceButton, EditAssignmentForm } from './homework-controls';
import { DATE_TIME, formatInstant } from '@/lib/time/format';

const STATUS_TONE: Record<string, 'neutral' | 'brand' | 'warn' | 'danger'> = {
  due: 'neutral',
  in_progress: 'brand',
  submitted: 'brand',
  reviewed: 'brand',
  missed: 'warn',
  cancelled: 'neutral',
  set_aside: 'neutral',
};

function percent(ratio: number | null): string {
  return ratio === null ? 'nothing due yet' : `${Math.round(ratio * 100)}%`;
}

function whenDue(o: OccurrenceView, timeZone: string): string {
  return formatInstant(o.dueAt, timeZone, DATE_TIME);
}

/** Recent past items and the next few, so a year-long daily assignment stays readable. */
function visibleOccurrences(a: AssignmentView): { shown: OccurrenceView[]; hidden: number } {
  const now = Date.now();
  const past = a.occurrences.filter((o) => o.dueAt.getTime() <= now);
  const future = a.occurrences.filter((o) => o.dueAt.getTime() > now);
  const shown = [...past.slice(-6), ...future.slice(0, 4)];
  return { shown, hidden: a.occurrences.length - shown.length };
}

/** Items the client let go, newest first, with their reason when they gave one (clinical: absent off the care team). */
function SetAsideNotes({ a }: { a: AssignmentView }) {
  const setAside = a.occurrences.filter((o) => o.status === 'set_aside').reverse().slice(0, 3);
  if (!setAside.length) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm text-slate-700" aria-label="Set aside by the client" data-testid="set-aside-notes">
      {setAside.map((o) => (
        <li key={o.id}>
          Set aside by the client: the item due {formatInstant(o.dueAt, a.timeZone, DATE_TIME)}
          {o.setAsideReason ? <> — “{o.setAsideReason}”</> : null}
        </li>
      ))}
    </ul>
  );
}

function AssignmentItem({ a, canManage }: { a: AssignmentView; canManage: boolean }) {
  const { shown, hidden } = visibleOccurrences(a);
  const active = a.status === 'active';
  const end = a.recurrence && a.recurrence.kind !== 'once' ? a.recurrence.end : null;
  return (
    <li className="rounded-lg border border-slate-200 p-4" data-testid="assignment">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-medium text-slate-900">
            {a.title} {a.kind === 'measure' ? <Badge>Measure</Badge> : null}
          </h3>
          <p className="text-sm text-slate-600">
            {a.recurrenceLabel} · from {formatDay(a.startDate)} · due {a.dueTime}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {active ? <Badge tone="brand">Active</Badge> : <Badge>Cancelled</Badge>}
          <span className="text-xs text-slate-600">
            {a.adherence.completed}/{a.adherence.due} done (28 days)
          </span>
        </div>
      </div>
      {a.promptText ? <p className="mt-2 text-sm text-slate-800">Prompt: “{a.promptText}”</p> : null}
      {a.instructions ? <p className="mt-2 whitespace-pre-wrap text-sm text-slate-800">{a.instructions}</p> : null}
      <ul className="mt-3 flex flex-wrap gap-2" aria-label="Due items">
        {shown.map((o) => (
          <li key={o.id} className="flex items-center gap-2 rounded-md bg-slate-50 px-2 py-1 text-xs text-slate-700">
            <span>{whenDue(o, a.timeZone)}</span>
            <Badge tone={STATUS_TONE[o.status] ?? 'neutral'}>{OCCURRENCE_STATUS_LABELS[o.status] ?? o.status}</Badge>
            {canManage && (o.status === 'due' || o.status === 'in_progress' || o.status === 'missed') ? (
              <CancelOccurrenceButton occurrenceId={o.id} label={whenDue(o, a.timeZone)} />
            ) : null}
          </li>
        ))}
        {hidden > 0 ? <li className="px-2 py-1 text-xs text-slate-600">and {hidden} more</li> : null}
      </ul>
      <SetAsideNotes a={a} />
      {canManage && active ? (
        <div className="mt-3 flex flex-wrap items-start gap-4">
          <details className="grow">
            <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">Edit</summary>
            <div className="mt-3 max-w-xl">
              <EditAssignmentForm assignmentId={a.id} instructions={a.instructions ?? ''} dueTime={a.dueTime} end={end} />
            </div>
          </details>
          <CancelAssignmentButton assignmentId={a.id} title={a.title} />
        </div>
      ) : null}
    </li>
  );
}

/** The client page's homework: assignments with each item's status, adherence, edit/cancel and the assign form. */
export async function HomeworkSection({ clientId }: { clientId: string }) {
  const actor = await requirePageActor('client.viewRecord');
  // The assign form's data is read alongside the homework (the header comes from the page's request cache);
  // it is shown only when the homework says the actor manages this client's work.
  const mayAssign = can(actor.role, 'assignment.create') && actor.careTeamClientIds.has(clientId);
  const [homework, assignable, clientHeader] = await Promise.all([
    recordHomework(actor, clientId),
    mayAssign ? recordAssignable(actor) : [],
    mayAssign ? getClientHeader(actor, clientId) : null,
  ]);
  if (!homework) return null;
  const canAssign = homework.canManage && mayAssign;
  const [items, header] = canAssign ? [assignable, clientHeader] : [[], null];
  const { adherence } = homework;
  return (
    <Card title="Homework">
      <p className="mb-4 text-sm text-slate-700" data-testid="adherence">
        Adherence over the last 28 days: <strong>{percent(adherence.ratio)}</strong>
        {adherence.due ? ` (${adherence.completed} of ${adherence.due} done)` : ''}
        {adherence.overdue ? (
          <>
            {' '}· <span className="text-amber-900">{adherence.overdue} overdue</span>
          </>
        ) : null}
      </p>
      {!homework.clinical ? (
        <p className="mb-4 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
          You are not on this client’s care team: you see what was assigned and its progress, not instructions or answers.
        </p>
      ) : null}
      {homework.assignments.length ? (
        <ul className="space-y-3">
          {homework.assignments.map((a) => (
            <AssignmentItem key={a.id} a={a} canManage={homework.canManage && can(actor.role, 'assignment.manage')} />
          ))}
        </ul>
      ) : (
        <EmptyState title="No homework assigned yet">
          {canAssign ? 'Assign an exercise or a measure below.' : 'Nothing has been assigned to this client.'}
        </EmptyState>
      )}
      {canAssign && header ? (
        <details className="mt-6 rounded-lg border border-slate-200 p-4">
          <summary className="cursor-pointer font-medium text-brand-800">Assign homework</summary>
          <div className="mt-4 max-w-2xl">
            <AssignForm fixedClient={{ id: clientId, name: header.name }} items={items} defaults={defaultSchedule(actor.practice.timeZone)} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
