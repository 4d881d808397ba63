import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { MEMBER_ROLES, MEMBER_STATUSES, listMembers, parseMemberFilters } from '@/lib/practice/queries';
import { ClearSearchButton, FilterBar, FilterSelect, FilterText } from '../_components/filter-bar';
import { listSearchTerm, searchFormAction } from '@/lib/ui/list-search';
import { searchPeople } from '@/lib/ui/list-search-actions';
import { MemberActions } from './member-actions';
import { DATE_TIME, formatInstant } from '@/lib/time/format';
import { buttonClass } from '@/app/_components/design/button';

export const metadata: Metadata = { title: 'People' };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('people.view');
  // The search is the session's (lib/ui/list-search.ts): a person's name or email never rides in the URL.
  const filters = parseMemberFilters(await searchParams, await listSearchTerm(actor, 'people'));
  const searchAction = searchFormAction(searchPeople);
  const members = await listMembers(actor, filters);
  const dateTime = (at: Date) => formatInstant(at, actor.practice.timeZone, DATE_TIME);
  const manage = can(actor.role, 'people.manage');
  const filtered = Boolean(filters.q || filters.role || filters.status);
  return (
    <>
      <PageHeader
        title="People"
        description={`Everyone with an account at ${actor.practice.name}: staff and clients with a portal login.`}
        actions={
          <Link href="/admin/invitations" className={buttonClass('primary')}>
            Invite someone
          </Link>
        }
      />
      <FilterBar key={JSON.stringify(filters)} resetHref="/admin/people" searchAction={searchAction}>
        <FilterText name="q" label="Search name or email" value={filters.q ?? ''} />
        <FilterSelect name="role" label="Role" value={filters.role ?? ''} options={MEMBER_ROLES.map((r) => ({ value: r, label: r[0]!.toUpperCase() + r.slice(1) }))} />
        <FilterSelect name="status" label="Status" value={filters.status ?? ''} options={MEMBER_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} />
      </FilterBar>
      {members.length === 0 ? (
        filtered ? (
          <EmptyState title="Nobody matches these filters">
            <ClearSearchButton searchAction={searchAction} />
          </EmptyState>
        ) : (
          <EmptyState title="No members yet" action={{ href: '/admin/invitations', label: 'Invite someone' }} />
        )
      ) : (
        <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Practice members ({members.length})</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Name</th>
                <th scope="col" className="px-4 py-3 font-medium">Role</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Last sign-in</th>
                <th scope="col" className="px-4 py-3 text-right font-medium">Caseload</th>
                {manage ? <th scope="col" className="px-4 py-3 font-medium">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.membershipId} data-testid={`member-${m.email}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium">
                      {m.name}
                      {m.membershipId === actor.membershipId ? <span className="ml-1 text-xs text-slate-600">(you)</span> : null}
                    </div>
                    <div className="text-xs text-slate-600">{m.email}</div>
                  </td>
                  <td className="px-4 py-3 capitalize">{m.role}</td>
                  <td className="px-4 py-3">
                    <Badge tone={m.status === 'active' ? 'brand' : m.status === 'deactivated' ? 'danger' : 'warn'}>{m.status}</Badge>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{m.lastSignInAt ? dateTime(m.lastSignInAt) : 'Never'}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{m.role === 'client' ? '—' : m.caseload}</td>
                  {manage ? (
                    <td className="px-4 py-3">
                      <MemberActions membershipId={m.membershipId} name={m.name} role={m.role} status={m.status} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
