import type { Metadata } from 'next';
import { Badge, EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { listMembers } from '@/lib/practice/queries';

export const metadata: Metadata = { title: 'People' };

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export default async function PeoplePage() {
  const actor = await requirePageActor('people.view');
  const members = await listMembers(actor);
  return (
    <>
      <PageHeader title="People" description={`Everyone with an account at ${actor.practice.name}.`} />
      {members.length === 0 ? (
        <EmptyState title="No members yet" />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Practice members</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Role</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Last sign-in</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">Caseload</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.membershipId}>
                  <td className="px-4 py-3">
                    <div className="font-medium">{m.name}</div>
                    <div className="text-xs text-slate-600">{m.email}</div>
                  </td>
                  <td className="px-4 py-3 capitalize">{m.role}</td>
                  <td className="px-4 py-3">
                    <Badge tone={m.status === 'active' ? 'brand' : m.status === 'deactivated' ? 'danger' : 'warn'}>{m.status}</Badge>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{m.lastSignInAt ? dateTime.format(m.lastSignInAt) : 'Never'}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{m.role === 'client' ? '—' : m.caseload}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
