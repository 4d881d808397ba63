import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge, ButtonLink, Card, PageHeader } from '@/app/_components/design';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { changeClientStatus } from '@/lib/clients/actions';
import { getClientForAdmin } from '@/lib/clients/admin-queries';
import { listClinicians } from '@/lib/practice/queries';
import { ActionButton } from '../../_components/action-button';
import { CareTeamForm, EditClientForm } from '../client-forms';

export const metadata: Metadata = { title: 'Client' };

const STATUS_ACTIONS = {
  active: [
    { to: 'paused', label: 'Pause' },
    { to: 'discharged', label: 'Discharge' },
  ],
  paused: [
    { to: 'active', label: 'Resume' },
    { to: 'discharged', label: 'Discharge' },
  ],
  discharged: [
    { to: 'active', label: 'Re-open' },
    { to: 'archived', label: 'Archive' },
  ],
  archived: [{ to: 'discharged', label: 'Restore from archive' }],
} as const;

export default async function AdminClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const actor = await requirePageActor('client.manage');
  const { clientId } = await params;
  // One transaction for both (the clinicians are read beside the record, found or not).
  const [client, clinicians] = await loadPage(actor, () => Promise.all([getClientForAdmin(actor, clientId), listClinicians(actor)]));
  if (!client) notFound();
  return (
    <>
      <PageHeader
        title={client.name}
        description="Non-clinical details, care team, status and portal access."
        actions={
          <div className="flex items-center gap-2">
            <Badge tone={client.status === 'active' ? 'brand' : client.status === 'paused' ? 'warn' : 'neutral'}>{client.status}</Badge>
            <Link href="/admin/clients" className="text-sm text-brand-800 underline">
              All clients
            </Link>
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Details">
          <EditClientForm
            clientId={client.id}
            initial={{
              firstName: client.firstName,
              lastName: client.lastName,
              preferredName: client.preferredName,
              pronouns: client.pronouns,
              email: client.email,
              intakeDate: client.intakeDate,
            }}
          />
        </Card>
        <div className="space-y-6">
          <Card title="Care team">
            <CareTeamForm clientId={client.id} clinicians={clinicians} current={client.careTeam.map((t) => t.membershipId)} />
          </Card>
          <Card title="Status">
            <p className="mb-3 text-sm text-slate-700">
              Currently <strong>{client.status}</strong>. Archiving hides the record from lists; it is kept, never deleted.
            </p>
            <div className="flex flex-wrap gap-2">
              {STATUS_ACTIONS[client.status].map((s) => (
                <ActionButton
                  key={s.to}
                  action={changeClientStatus}
                  fields={{ clientId: client.id, status: s.to }}
                  label={s.label}
                  tone={s.to === 'archived' ? 'danger' : 'neutral'}
                  confirm={s.to === 'archived' ? `Archive ${client.name}? The record leaves every list; it is kept and can be restored.` : undefined}
                />
              ))}
            </div>
          </Card>
          <Card title="Portal">
            {client.portal === 'linked' ? (
              <p className="text-sm text-slate-700">This client has a portal login linked to this record.</p>
            ) : client.portal === 'invited' ? (
              <p className="text-sm text-slate-700">
                An invitation is open. Resend or revoke it under <Link href="/admin/invitations" className="text-brand-800 underline">Invitations</Link>.
              </p>
            ) : client.status === 'archived' ? (
              <p className="text-sm text-slate-700">Restore the record before inviting the client.</p>
            ) : (
              <ButtonLink href={`/admin/invitations?client=${client.id}`}>Invite to the portal</ButtonLink>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
