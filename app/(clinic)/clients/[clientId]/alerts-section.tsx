import { AlertKnownLimits, AlertList } from '@/app/_components/alerts/alert-list';
import { Card, EmptyState } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import { ALERT_KNOWN_LIMITS } from '@/lib/alerts/crisis-directory';
import { listClientAlerts } from '@/lib/alerts/queries';
import type { Actor } from '@/lib/auth/types';

/** The client's alerts on their page: open ones to acknowledge, then what was done about earlier ones. */
export async function ClientAlertsSection({ actor, clientId }: { actor: Actor; clientId: string }) {
  if (!can(actor.role, 'alert.view')) return null;
  const alerts = await listClientAlerts(actor, clientId);
  if (alerts === null) return null;
  const open = alerts.filter((a) => !a.acknowledged);
  const past = alerts.filter((a) => a.acknowledged);
  return (
    <Card title="Alerts">
      <div className="space-y-4">
        {alerts.length === 0 ? (
          <EmptyState title="No alerts yet">Alerts raised by check-ins, measures or homework appear here.</EmptyState>
        ) : open.length ? (
          <AlertList alerts={open} timeZone={actor.practice.timeZone} showClient={false} canAcknowledge={can(actor.role, 'alert.acknowledge')} />
        ) : (
          <p className="text-sm text-slate-700">No open alerts for this client.</p>
        )}
        {past.length ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-slate-800">Acknowledged alerts ({past.length})</summary>
            <div className="mt-3">
              <AlertList alerts={past} timeZone={actor.practice.timeZone} showClient={false} canAcknowledge={false} />
            </div>
          </details>
        ) : null}
        <AlertKnownLimits limits={ALERT_KNOWN_LIMITS} />
      </div>
    </Card>
  );
}
