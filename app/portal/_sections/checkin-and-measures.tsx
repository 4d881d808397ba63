import Link from 'next/link';
import { ButtonLink } from '@/app/_components/design/button';
import { Badge, Card, formatDay } from '@/app/_components/ui';
import type { Actor } from '@/lib/auth/types';
import { homeCheckinToday, homeDueMeasures } from '@/lib/clients/portal-home';

/** "Today" on the portal home: the daily check-in (done or not) and the questionnaires that are due. */
export async function CheckinAndMeasuresSection({ actor }: { actor: Actor }) {
  const [checkin, due] = await Promise.all([homeCheckinToday(actor), homeDueMeasures(actor)]);
  return (
    <Card title="Today" className="mb-4">
      <div data-testid="today-checkin" className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-medium text-slate-900">Daily check-in</p>
          <p className="text-sm text-slate-600">
            {checkin ? 'Done for today. You can still change it.' : 'Not done yet today. It takes under a minute.'}
          </p>
        </div>
        <ButtonLink href="/portal/check-in" variant={checkin ? 'secondary' : 'primary'}>
          {checkin ? 'Edit check-in' : 'Check in now'}
        </ButtonLink>
      </div>

      <h3 className="mt-5 text-sm font-semibold text-slate-900">Questionnaires due</h3>
      {due.length ? (
        <ul className="mt-2 divide-y divide-slate-100" aria-label="Questionnaires due">
          {due.map((m) => (
            <li key={m.measure}>
              <Link
                href={`/portal/measures/${m.measure}`}
                className="flex min-h-12 items-center justify-between gap-3 py-2 text-sm hover:bg-brand-50"
              >
                <span>
                  <span className="font-medium text-brand-800 underline">{m.title}</span>
                  {m.hasDraft ? <span className="ml-2 text-xs text-slate-600">started</span> : null}
                </span>
                <span className="flex items-center gap-2 text-slate-700">
                  {m.overdue ? <Badge tone="warn">Due since {formatDay(m.dueDay)}</Badge> : <Badge tone="brand">Due today</Badge>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No questionnaires are due. Your therapist will add them when it is time.</p>
      )}
    </Card>
  );
}
