import type { Metadata } from 'next';
import { Badge, Card, EmptyState, Menu, MenuDanger, PageHeader } from '@/app/_components/design';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { invitableClients } from '@/lib/clients/admin-queries';
import { resendInvitation, revokeInvitation } from '@/lib/invitations/actions';
import { listInvitations } from '@/lib/invitations/queries';
import { ActionButton } from '../_components/action-button';
import { InviteForm } from './invite-form';
import { DATE_TIME, formatInstant } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Invitations' };

const STATE_TONE = { pending: 'brand', accepted: 'neutral', revoked: 'danger', expired: 'warn' } as const;
const STATE_LABEL = { pending: 'Open', accepted: 'Used', revoked: 'Withdrawn', expired: 'Expired' } as const;

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('invitation.manage');
  const params = await searchParams;
  const [rows, clients] = await loadPage(actor, () => Promise.all([listInvitations(actor), invitableClients(actor)]));
  const requestedClient = typeof params.client === 'string' && clients.some((c) => c.id === params.client) ? params.client : undefined;
  const dateTime = (at: Date) => formatInstant(at, actor.practice.timeZone, DATE_TIME);
  return (
    <>
      <PageHeader title="Invitations" description="Invite staff and clients. Each link works once and expires after 7 days; password-reset links after 24 hours." />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card title="Invite someone">
          <InviteForm clients={clients} defaultClientId={requestedClient} />
        </Card>
        <section aria-labelledby="links-heading">
          <h2 id="links-heading" className="mb-3 text-base font-semibold text-slate-900">
            Links sent
          </h2>
          {rows.length === 0 ? (
            <EmptyState title="No invitations yet">Invitations and password-reset links you send appear here.</EmptyState>
          ) : (
            <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Invitation and password-reset links</caption>
                <thead className="bg-slate-50 text-left text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">Sent to</th>
                    <th scope="col" className="px-3 py-2 font-medium">Kind</th>
                    <th scope="col" className="px-3 py-2 font-medium">State</th>
                    <th scope="col" className="px-3 py-2 font-medium">Expires</th>
                    <th scope="col" className="px-3 py-2 font-medium">Actions</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={r.id} data-testid={`invitation-${r.email}`}>
                      <td className="px-3 py-2">
                        <div className="font-medium">{r.email}</div>
                        <div className="text-xs text-slate-600">
                          {r.clientName ? `Client record: ${r.clientName} · ` : ''}by {r.invitedBy}, {dateTime(r.createdAt)}
                        </div>
                      </td>
                      <td className="px-3 py-2">{r.kind === 'reset' ? 'Password reset' : `Invite (${r.role})`}</td>
                      <td className="px-3 py-2">
                        <Badge tone={STATE_TONE[r.state]}>{STATE_LABEL[r.state]}</Badge>
                      </td>
                      <td className="px-3 py-2 text-slate-700">{r.state === 'pending' || r.state === 'expired' ? dateTime(r.expiresAt) : '—'}</td>
                      <td className="px-3 py-2">
                        {r.state === 'pending' || r.state === 'expired' ? (
                          <Menu subject={`the link sent to ${r.email}`}>
                            <ActionButton action={resendInvitation} fields={{ invitationId: r.id }} label="Resend" />
                            {r.state === 'pending' ? (
                              <MenuDanger>
                                <ActionButton
                                  action={revokeInvitation}
                                  fields={{ invitationId: r.id }}
                                  label="Revoke"
                                  tone="danger"
                                  confirm={`Withdraw the link sent to ${r.email}? It stops working at once.`}
                                />
                              </MenuDanger>
                            ) : null}
                          </Menu>
                        ) : (
                          <span className="text-slate-600">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
