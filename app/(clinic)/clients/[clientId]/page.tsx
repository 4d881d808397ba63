import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge, Card, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { getClientHeader } from '@/lib/clients/queries';

export const metadata: Metadata = { title: 'Client' };

export default async function ClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const actor = await requirePageActor('client.viewRecord');
  const client = await getClientHeader(actor, clientId);
  if (!client) notFound();
  return (
    <>
      <PageHeader title={client.name} description={client.pronouns ?? undefined} />
      <Card title="Record">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd><Badge tone={client.status === 'active' ? 'brand' : 'neutral'}>{client.status}</Badge></dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd>{client.therapists.join(', ') || 'No therapist assigned'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Intake</dt>
            <dd>{formatDate(client.intakeDate)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Portal</dt>
            <dd>{client.portalLinked ? 'Linked to a login' : 'Not yet invited'}</dd>
          </div>
        </dl>
        {!client.onMyCareTeam ? (
          <p className="mt-4 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
            You are not on this client’s care team, so their clinical content is not shown.
          </p>
        ) : null}
      </Card>
    </>
  );
}
