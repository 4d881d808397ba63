import Link from 'next/link';
import { Badge } from '@/app/_components/ui';
import type { HomeworkItem } from '@/lib/submissions/queries';
import { formatInstant, TIME } from '@/lib/time/format';

function dueText(item: HomeworkItem, timeZone: string, today: string): string {
  const due = new Date(item.dueAt);
  const time = formatInstant(due, timeZone, TIME);
  const day = formatInstant(due, timeZone, { weekday: 'short', month: 'short', day: 'numeric' });
  if (item.overdue) return `Was due ${day}, ${time}`;
  if (item.localDate === today) return `Due today by ${time}`;
  return `Due ${day}, ${time}`;
}

/** One row per homework item; the whole row is the link so it is an easy target on a phone. */
export function HomeworkList({ items, timeZone, today, label }: { items: HomeworkItem[]; timeZone: string; today: string; label: string }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" aria-label={label}>
      {items.map((item) => (
        <li key={item.occurrenceId}>
          <Link
            href={`/portal/homework/${item.occurrenceId}`}
            className="flex min-h-14 items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50"
            data-testid="homework-item"
          >
            <span>
              <span className="block font-medium text-slate-900">{item.title}</span>
              <span className={`block text-sm ${item.overdue && item.submissionStatus !== 'revision_requested' ? 'text-amber-800' : 'text-slate-600'}`}>
                {item.submissionStatus === 'revision_requested' ? 'Your therapist left comments and asked you to take another look' : dueText(item, timeZone, today)}
              </span>
            </span>
            <span className="shrink-0">
              {item.submissionStatus === 'revision_requested' ? (
                <Badge tone="warn">Revise</Badge>
              ) : item.hasDraft ? (
                <Badge tone="brand">Continue</Badge>
              ) : item.overdue ? (
                <Badge tone="warn">Overdue</Badge>
              ) : (
                <Badge>Start</Badge>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
