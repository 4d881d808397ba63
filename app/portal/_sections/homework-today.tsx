import Link from 'next/link';
import { Card } from '@/app/_components/ui';
import type { Actor } from '@/lib/auth/types';
import { homeHomework } from '@/lib/clients/portal-home';
import { HomeworkList } from './homework-list';
import { localDay } from '@/lib/time/day';

/** "Today's homework" on the portal home: what needs doing now, with a link to the full list. */
export async function HomeworkTodaySection({ actor }: { actor: Actor }) {
  const now = new Date();
  const { revisions, due, missed } = await homeHomework(actor);
  const items = [...revisions, ...due];
  const today = localDay(now, actor.practice.timeZone);
  return (
    <Card title="Today's homework" className="mb-4">
      {items.length ? (
        <HomeworkList items={items.slice(0, 5)} timeZone={actor.practice.timeZone} today={today} label="Today's homework" />
      ) : (
        <p className="text-sm text-slate-600">Nothing is due right now. Well done for keeping up.</p>
      )}
      <p className="mt-3 text-sm">
        <Link href="/portal/homework" className="font-medium text-brand-800 underline">
          All homework{items.length > 5 ? ` (${items.length} waiting)` : ''}
        </Link>
        {missed.length ? (
          <span className="text-slate-600">
            {' '}
            · {missed.length === 1 ? 'one earlier item went by' : `${missed.length} earlier items went by`}, and that is okay
          </span>
        ) : null}
      </p>
    </Card>
  );
}
