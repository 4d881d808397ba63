import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { practiceOverview } from '@/lib/practice/overview';
import { OUTCOME_MIN_DAYS } from '@/lib/practice/outcomes';

export const metadata: Metadata = { title: 'Overview' };

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)} %` : '—');

function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('practice.overview');
  const welcome = (await searchParams).welcome === '1';
  const o = await practiceOverview(actor);
  const totalClients = Object.values(o.clientsByStatus).reduce((a, b) => a + b, 0);
  const urgentOpen = o.urgentAlerts.under24h + o.urgentAlerts.from24to72h + o.urgentAlerts.over72h;
  const maxCaseload = Math.max(1, ...o.caseloads.map((c) => c.activeClients));
  return (
    <>
      <PageHeader title="Overview" description={`How ${actor.practice.name} is doing. Figures only: no client's answers appear here.`} />
      {welcome ? (
        <div role="status" className="mb-6 rounded-xl border border-brand-200 bg-brand-50 p-4 text-sm text-brand-900">
          <p className="font-semibold">Your practice is ready.</p>
          <p className="mt-1">
            Next: <Link href="/admin/invitations" className="underline">invite your therapists</Link>, then{' '}
            <Link href="/admin/clients/new" className="underline">create client records</Link>. Check the{' '}
            <Link href="/admin/settings" className="underline">settings</Link> for crisis numbers and sign-out time.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="clients-heading" className="mb-8">
        <h2 id="clients-heading" className="mb-3 text-base font-semibold">Clients</h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Active" value={o.clientsByStatus.active} detail={`${o.unassignedActive} without a therapist`} />
          <Stat label="Paused" value={o.clientsByStatus.paused} />
          <Stat label="Discharged" value={o.clientsByStatus.discharged} />
          <Stat label="All records" value={totalClients} detail={`${o.clientsByStatus.archived} archived`} />
        </dl>
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Caseload per therapist">
          {o.caseloads.length === 0 ? (
            <p className="text-sm text-slate-600">
              No therapists yet. <Link href="/admin/invitations" className="text-brand-800 underline">Invite one</Link>.
            </p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Active clients per clinician</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Clinician</th>
                  <th scope="col">Active clients</th>
                </tr>
              </thead>
              <tbody>
                {o.caseloads.map((c) => (
                  <tr key={c.membershipId}>
                    <th scope="row" className="w-1/3 py-1 pr-3 text-left font-normal">
                      <Link href={`/admin/clients?therapist=${c.membershipId}`} className="text-brand-800 hover:underline">
                        {c.name}
                      </Link>
                    </th>
                    <td className="py-1">
                      <div className="flex items-center gap-2">
                        <div className="h-2.5 rounded bg-brand-600" style={{ width: `${(70 * c.activeClients) / maxCaseload}%` }} aria-hidden="true" />
                        <span className="tabular-nums">{c.activeClients}</span>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>

        <Card title="Urgent alerts not yet acknowledged">
          <dl className="grid grid-cols-3 gap-3 text-center">
            <div>
              <dt className="text-xs text-slate-600">Under 24 hours</dt>
              <dd className="text-2xl font-semibold tabular-nums">{o.urgentAlerts.under24h}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">24–72 hours</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${o.urgentAlerts.from24to72h ? 'text-red-800' : ''}`}>{o.urgentAlerts.from24to72h}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">Over 72 hours</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${o.urgentAlerts.over72h ? 'text-red-800' : ''}`}>{o.urgentAlerts.over72h}</dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-slate-600">
            {urgentOpen ? 'Urgent alerts open for more than 24 hours also appear in your Alerts inbox.' : 'No urgent alert is waiting.'} {o.followUpAlerts} follow-up
            {o.followUpAlerts === 1 ? ' alert is' : ' alerts are'} open.
          </p>
        </Card>

        <Card title="Engagement">
          <dl className="grid grid-cols-2 gap-3">
            <Stat
              label={`Checked in, last ${o.engagement.days} days`}
              value={percent(o.engagement.checkedIn, o.engagement.activeClients)}
              detail={`${o.engagement.checkedIn} of ${o.engagement.activeClients} active clients; ${o.engagement.checkins} check-ins`}
            />
            <Stat
              label={`Homework done, last ${o.homework.days} days`}
              value={o.homework.ratio === null ? '—' : percent(o.homework.completed, o.homework.due)}
              detail={o.homework.due ? `${o.homework.completed} of ${o.homework.due} due items, ${o.homework.clients} clients` : 'Nothing has fallen due yet.'}
            />
          </dl>
        </Card>

        <Card title="Outcomes (PHQ-9 and GAD-7)">
          {o.outcomes.eligible === 0 ? (
            <p className="text-sm text-slate-600">No client has {OUTCOME_MIN_DAYS / 7} weeks of measures yet; outcomes appear once they do.</p>
          ) : (
            <dl className="grid grid-cols-2 gap-3">
              <Stat label="Reliable improvement" value={percent(o.outcomes.reliableImprovement, o.outcomes.eligible)} detail={`${o.outcomes.reliableImprovement} of ${o.outcomes.eligible} clients`} />
              <Stat
                label="Recovery"
                value={percent(o.outcomes.recovery, o.outcomes.caseAtBaseline)}
                detail={`${o.outcomes.recovery} of ${o.outcomes.caseAtBaseline} who were a case at baseline; ${o.outcomes.reliableRecovery} reliably recovered`}
              />
              <Stat label="Reliable deterioration" value={percent(o.outcomes.reliableDeterioration, o.outcomes.eligible)} detail={`${o.outcomes.reliableDeterioration} clients`} />
            </dl>
          )}
          <p className="mt-3 text-xs text-slate-600">
            Among clients with at least {OUTCOME_MIN_DAYS / 7} weeks between their baseline and latest measure. Reliable change and recovery follow Jacobson–Truax and NHS Talking Therapies.
          </p>
        </Card>
      </div>
    </>
  );
}
