import Link from 'next/link';
import type { AlertListItem } from '@/lib/alerts/queries';
import { AlertTierBadge } from '../design/status-badges';
import { Badge } from '../ui';
import { sectionHref } from '@/app/(clinic)/clients/[clientId]/sections';
import { AcknowledgeAlertForm } from './acknowledge-form';
import { DATE_TIME, formatInstant } from '@/lib/time/format';

function formatWhen(value: Date, timeZone: string): string {
  return formatInstant(value, timeZone, DATE_TIME);
}

/** Alerts as a list of cards, each with its inline acknowledgement while open. */
export function AlertList({
  alerts,
  timeZone,
  showClient,
  canAcknowledge,
}: {
  alerts: AlertListItem[];
  timeZone: string;
  showClient: boolean;
  canAcknowledge: boolean;
}) {
  return (
    <ul className="space-y-3" aria-label="Alerts">
      {alerts.map((alert) => (
        <li
          key={alert.id}
          data-testid="alert-item"
          className={`rounded-card border bg-white p-4 shadow-sm ${alert.tier === 'urgent' && !alert.acknowledged ? 'border-red-300' : 'border-slate-200'}`}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <AlertTierBadge tier={alert.tier} />
                {alert.escalated ? <Badge tone="danger">Unacknowledged over 24 h</Badge> : null}
                <span className="font-semibold text-slate-900">{alert.title}</span>
              </p>
              {showClient ? (
                <p className="text-sm">
                  <Link href={sectionHref(alert.clientId, 'alerts')} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {alert.clientName}
                  </Link>
                </p>
              ) : null}
              {alert.reason ? <p className="max-w-2xl text-sm text-slate-700">{alert.reason}</p> : null}
            </div>
            <p className="text-sm text-slate-600">
              Raised <time dateTime={alert.raisedAt.toISOString()}>{formatWhen(alert.raisedAt, timeZone)}</time>
            </p>
          </div>
          {alert.acknowledged ? (
            <p className="mt-2 text-sm text-slate-700">
              Acknowledged {formatWhen(alert.acknowledged.at, timeZone)}
              {alert.acknowledged.byName ? ` by ${alert.acknowledged.byName}` : ''}: {alert.acknowledged.actionLabel}
              {alert.acknowledged.note ? ` — ${alert.acknowledged.note}` : ''}
            </p>
          ) : canAcknowledge ? (
            <div className="mt-3 border-t border-slate-100 pt-3">
              <AcknowledgeAlertForm alertId={alert.id} clientName={alert.clientName} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function AlertKnownLimits({ limits }: { limits: readonly string[] }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-800">About these alerts: known limits</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {limits.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
