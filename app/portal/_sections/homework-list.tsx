import Link from 'next/link';
import { Badge } from '@/app/_components/ui';
import type { HomeworkItem } from '@/lib/submissions/queries';
import { formatInstant, TIME } from '@/lib/time/format';

function dueText(item: HomeworkItem, timeZone: string, today: string): string {
  const due = new Date(item.dueAt);
  const time = formatInstant(due, timeZone, TIME);
  const day = formatInstant(due, timeZone, { weekday: 'short', month: 'short', day: 'numeric' });
  // Words stay kind: late work is still welcome, and missed work is simply something that went by.
  if (item.standing === 'late') return `Was due ${day} — there is still time`;
  if (item.standing === 'missed') return `From ${day}`;
  if (item.localDate === today) return `Due today by ${time}`;
  return `Due ${day}, ${time}`;
}

/** One row per homework item; the whole row is the link so it is an easy target on a phone. */
export function HomeworkList({ items, timeZone, today, label }: { items: HomeworkItem[]; timeZone: string; today: string; label: string }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label={label}>
      {items.map((item) => {
        const revising = item.submissionStatus === 'revision_requested';
        return (
          <li key={item.occurrenceId}>
            <Link
              href={`/portal/homework/${item.occurrenceId}`}
              className="flex min-h-14 items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50"
              data-testid="homework-item"
              data-standing={revising ? 'revise' : item.standing}
            >
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{item.title}</span>
                <span className="block text-sm text-slate-600">
                  {revising ? 'Your therapist left comments and asked you to take another look' : dueText(item, timeZone, today)}
                </span>
              </span>
              <span className="shrink-0">
                {revising ? (
                  <Badge tone="warn">Revise</Badge>
                ) : item.hasDraft ? (
                  <Badge tone="brand">Continue</Badge>
                ) : item.standing === 'missed' ? (
                  <Badge>Open</Badge>
                ) : (
                  <Badge>Start</Badge>
                )}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
