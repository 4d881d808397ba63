import { Badge, Card, EmptyState, formatDay } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import type { Actor } from '@/lib/auth/types';
import { MEASURES } from '@/lib/measures/definitions';
import { recordSchedules } from '@/lib/clients/record-page';
import { MEASURE_KEYS } from '@/lib/measures/types';
import { AddScheduleForm, ApplyDefaultsButton, EditScheduleForm, EndScheduleButton } from './schedule-forms';
import { localDay } from '@/lib/time/day';

/** Which measures the client is asked to complete, and how often. */
export async function MeasureSchedulesSection({ actor, clientId }: { actor: Actor; clientId: string }) {
  const schedules = await recordSchedules(actor, clientId);
  if (schedules === null) return null;
  const canManage = can(actor.role, 'measure.schedule');
  const active = schedules.filter((s) => s.active);
  const ended = schedules.filter((s) => !s.active);
  return (
    <Card title="Measure schedules">
      <div className="space-y-4">
        {active.length ? (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
            {active.map((s) => (
              <li key={s.id} className="space-y-2 p-3" data-testid="measure-schedule">
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <p>
                    <span className="font-semibold text-slate-900">{s.measureTitle}</span> every {s.everyDays} {s.everyDays === 1 ? 'day' : 'days'} from{' '}
                    {formatDay(s.startDate)}
                    {s.endDate ? ` until ${formatDay(s.endDate)}` : ''}
                  </p>
                  <p className="text-slate-700">
                    Next due: {s.nextDue ? <Badge tone="brand">{formatDay(s.nextDue)}</Badge> : 'none (ended)'}
                  </p>
                </div>
                {canManage ? (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-800">Change or end</summary>
                    <div className="mt-2 space-y-3">
                      <EditScheduleForm scheduleId={s.id} measureTitle={s.measureTitle} everyDays={s.everyDays} startDate={s.startDate} endDate={s.endDate} />
                      <EndScheduleButton scheduleId={s.id} measureTitle={s.measureTitle} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No measures scheduled">
            Apply the practice defaults (PHQ-9 and GAD-7 every 14 days; WHO-5, A-RSQ and SCS-SF at intake and monthly) or add one.
          </EmptyState>
        )}
        {canManage ? (
          <>
            <ApplyDefaultsButton clientId={clientId} />
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-800">Add a schedule</summary>
              <div className="mt-2">
                <AddScheduleForm
                  clientId={clientId}
                  today={localDay(new Date(), actor.practice.timeZone)}
                  measures={MEASURE_KEYS.map((k) => ({ key: k, title: `${MEASURES[k].shortTitle} (${MEASURES[k].about})` }))}
                />
              </div>
            </details>
          </>
        ) : null}
        {ended.length ? (
          <p className="text-sm text-slate-700">
            Ended: {ended.map((s) => `${s.measureTitle} (${formatDay(s.startDate)} – ${formatDay(s.endDate)})`).join('; ')}.
          </p>
        ) : null}
      </div>
    </Card>
  );
}
