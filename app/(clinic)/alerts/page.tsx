import type { Metadata } from 'next';
import { AlertKnownLimits, AlertList } from '@/app/_components/alerts/alert-list';
import { Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { can } from '@/lib/access/permissions';
import { ALERT_KNOWN_LIMITS } from '@/lib/alerts/crisis-directory';
import { listEscalatedAlerts, listOpenAlerts } from '@/lib/alerts/queries';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const actor = await requirePageActor('alert.view');
  const isAdmin = actor.role === 'admin';
  const [open, escalated] = await loadPage(actor, () =>
    Promise.all([listOpenAlerts(actor), isAdmin ? listEscalatedAlerts(actor) : Promise.resolve([])]),
  );
  const canAcknowledge = can(actor.role, 'alert.acknowledge');
  const escalatedIds = new Set(escalated.map((a) => a.id));
  const ownOpen = open.filter((a) => !escalatedIds.has(a.id));
  return (
    <>
      <PageHeader
        title="Alerts"
        description={
          isAdmin
            ? 'Urgent alerts left unacknowledged for more than 24 hours across the practice, and open alerts for clients on your own care team.'
            : 'Open safety alerts for the clients on your care team, most urgent first. Acknowledge each with what you did.'
        }
      />
      <div className="space-y-6">
        {isAdmin ? (
          <Card title="Urgent, unacknowledged over 24 hours">
            {escalated.length ? (
              <AlertList alerts={escalated} timeZone={actor.practice.timeZone} showClient canAcknowledge={canAcknowledge} />
            ) : (
              <EmptyState title="No escalated alerts">Every urgent alert has been acknowledged within 24 hours.</EmptyState>
            )}
          </Card>
        ) : null}
        <section aria-labelledby="open-alerts-heading" className="space-y-3">
          <h2 id="open-alerts-heading" className="text-base font-semibold text-slate-900">
            {isAdmin ? 'Open alerts for your care team' : 'Open alerts'}
          </h2>
          {ownOpen.length ? (
            <AlertList alerts={ownOpen} timeZone={actor.practice.timeZone} showClient canAcknowledge={canAcknowledge} />
          ) : (
            <EmptyState title="No open alerts">
              {isAdmin && actor.careTeamClientIds.size === 0
                ? 'You are not on any client’s care team.'
                : 'New alerts from check-ins, measures and homework appear here until someone on the care team acknowledges them.'}
            </EmptyState>
          )}
        </section>
        <AlertKnownLimits limits={ALERT_KNOWN_LIMITS} />
      </div>
    </>
  );
}
