import Link from 'next/link';
import { AcknowledgeAlertForm } from '@/app/_components/alerts/acknowledge-form';
import { AlertKnownLimits } from '@/app/_components/alerts/alert-list';
import { AlertTierBadge, Badge, Card, EmptyState } from '@/app/_components/design';
import { can } from '@/lib/access/permissions';
import { ALERT_KNOWN_LIMITS } from '@/lib/alerts/crisis-directory';
import type { AlertListItem } from '@/lib/alerts/queries';
import { recordAlerts } from '@/lib/clients/record-page';
import type { Actor } from '@/lib/auth/types';
import { DATE_TIME, formatInstant } from '@/lib/time/format';
import { sectionHref } from './sections';

function When({ at, timeZone }: { at: Date; timeZone: string }) {
  return <time dateTime={at.toISOString()}>{formatInstant(at, timeZone, DATE_TIME)}</time>;
}

function acknowledgement(alert: AlertListItem, timeZone: string) {
  const ack = alert.acknowledged;
  if (!ack) return null;
  return (
    <>
      Acknowledged <When at={ack.at} timeZone={timeZone} />
      {ack.byName ? ` by ${ack.byName}` : ''}: {ack.actionLabel}
      {ack.note ? ` — ${ack.note}` : ''}
    </>
  );
}

/** One line per alert; choosing one opens it in the panel beside the list (kept in the URL). */
function CompactAlertList({ label, alerts, clientId, selectedId, timeZone }: { label: string; alerts: AlertListItem[]; clientId: string; selectedId: string | null; timeZone: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-lg border border-slate-200">
      {alerts.map((alert) => {
        const selected = alert.id === selectedId;
        return (
          <li key={alert.id} data-testid="alert-item" className={selected ? 'bg-brand-50' : undefined}>
            <Link
              href={sectionHref(clientId, 'alerts', { alert: alert.id })}
              scroll={false}
              aria-current={selected ? 'true' : undefined}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm hover:bg-slate-50"
            >
              <AlertTierBadge tier={alert.tier} />
              {alert.escalated ? <Badge tone="danger">Over 24 h</Badge> : null}
              <span className="font-medium text-slate-900">{alert.title}</span>
              <span className="ml-auto text-xs text-slate-600">
                <When at={alert.raisedAt} timeZone={timeZone} />
              </span>
              {alert.acknowledged ? <span className="w-full text-xs text-slate-700">{alert.acknowledged.actionLabel}</span> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The chosen alert in full, with the acknowledgement form while it is open. */
function AlertPanel({ alert, timeZone, canAcknowledge, clientName }: { alert: AlertListItem; timeZone: string; canAcknowledge: boolean; clientName: string }) {
  return (
    <section aria-labelledby="alert-panel-heading" data-testid="alert-panel" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h3 id="alert-panel-heading" className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        <AlertTierBadge tier={alert.tier} />
        {alert.title}
      </h3>
      <p className="text-sm text-slate-600">
        Raised <When at={alert.raisedAt} timeZone={timeZone} />
      </p>
      {alert.reason ? <p className="text-sm text-slate-800">{alert.reason}</p> : null}
      {alert.acknowledged ? (
        <p className="text-sm text-slate-700">{acknowledgement(alert, timeZone)}</p>
      ) : canAcknowledge ? (
        <div className="border-t border-slate-100 pt-3">
          <AcknowledgeAlertForm key={alert.id} alertId={alert.id} clientName={clientName} />
        </div>
      ) : null}
    </section>
  );
}

/** The client's alerts: open ones as a compact list beside an acknowledge panel, then the acknowledged history. */
export async function ClientAlertsSection({ actor, clientId, clientName, selected }: { actor: Actor; clientId: string; clientName: string; selected: string | null }) {
  if (!can(actor.role, 'alert.view')) return null;
  const alerts = await recordAlerts(actor, clientId);
  if (alerts === null) return null;
  const timeZone = actor.practice.timeZone;
  const open = alerts.filter((a) => !a.acknowledged);
  const past = alerts.filter((a) => a.acknowledged);
  // The alert named in the URL, else the first open one (urgent first), else none.
  const chosen = alerts.find((a) => a.id === selected) ?? open[0] ?? null;
  const chosenIsPast = chosen ? Boolean(chosen.acknowledged) : false;
  return (
    <Card title="Alerts">
      <div className="space-y-4">
        {alerts.length === 0 ? (
          <EmptyState title="No alerts yet">Alerts raised by check-ins, measures or homework appear here.</EmptyState>
        ) : (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">Open ({open.length})</h3>
              {open.length ? (
                <CompactAlertList label="Open alerts" alerts={open} clientId={clientId} selectedId={chosen?.id ?? null} timeZone={timeZone} />
              ) : (
                <p className="text-sm text-slate-700">No open alerts for this client.</p>
              )}
            </div>
            {chosen ? <AlertPanel alert={chosen} timeZone={timeZone} canAcknowledge={can(actor.role, 'alert.acknowledge')} clientName={clientName} /> : null}
          </div>
        )}
        {past.length ? (
          <details open={chosenIsPast}>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">Acknowledged alerts ({past.length})</summary>
            <div className="mt-3">
              <CompactAlertList label="Acknowledged alerts" alerts={past} clientId={clientId} selectedId={chosen?.id ?? null} timeZone={timeZone} />
            </div>
          </details>
        ) : null}
        <AlertKnownLimits limits={ALERT_KNOWN_LIMITS} />
      </div>
    </Card>
  );
}
