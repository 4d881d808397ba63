import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { listClients } from '@/lib/clients/queries';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage() {
  const actor = await requirePageActor('caseload.view');
  const clients = await listClients(actor);
  const isAdmin = actor.role === 'admin';
  return (
    <>
      <PageHeader
        title={isAdmin ? 'All clients' : 'My caseload'}
        description={isAdmin ? 'Every client of the practice. Clinical details open only for clients on your own care team.' : 'The clients on your care team.'}
      />
      {clients.length === 0 ? (
        <EmptyState title={isAdmin ? 'No clients yet' : 'No clients on your care team yet'}>
          {isAdmin ? 'Client records appear here once they are created.' : 'A practice admin adds you to a client’s care team; they will appear here.'}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Clients</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Therapist</th>
                <th scope="col" className="px-4 py-3 font-medium">Intake</th>
                <th scope="col" className="px-4 py-3 font-medium">Portal</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.map((c) => (
                <tr key={c.id}>
                  <td className="px-4 py-3">
                    <Link href={`/clients/${c.id}`} className="font-medium text-brand-800 hover:underline">
                      {c.name}
                    </Link>
                    {c.pronouns ? <span className="ml-2 text-xs text-slate-600">{c.pronouns}</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={c.status === 'active' ? 'brand' : 'neutral'}>{c.status}</Badge>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{c.therapists.join(', ') || '—'}</td>
                  <td className="px-4 py-3 text-slate-700">{formatDate(c.intakeDate)}</td>
                  <td className="px-4 py-3 text-slate-700">{c.portalLinked ? 'Linked' : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
