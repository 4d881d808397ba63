import type { Metadata } from 'next';
import { ButtonLink, Check, EmptyState, PageHeader } from '@/app/_components/design';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { CLIENT_STATUSES, listClientsForAdmin, parseClientFilters } from '@/lib/clients/admin-queries';
import { listClinicians } from '@/lib/practice/queries';
import { ClearSearchButton, FilterBar, FilterSelect, FilterText } from '../_components/filter-bar';
import { listSearchTerm, searchFormAction } from '@/lib/ui/list-search';
import { searchClients } from '@/lib/ui/list-search-actions';
import { ClientTable } from './bulk-move';

export const metadata: Metadata = { title: 'Clients' };

export default async function AdminClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('client.manage');
  // The search is the session's (lib/ui/list-search.ts): a client's name or email never rides in the URL.
  const filters = parseClientFilters(await searchParams, await listSearchTerm(actor, 'clients'));
  const searchAction = searchFormAction(searchClients);
  const [rows, clinicians] = await loadPage(actor, () => Promise.all([listClientsForAdmin(actor, filters), listClinicians(actor)]));
  const filtered = Boolean(filters.q || filters.status || filters.therapist || filters.unassigned);
  return (
    <>
      <PageHeader
        title="Clients"
        description="Client records and their care teams. Only non-clinical details are shown here."
        actions={
<ButtonLink href="/admin/clients/new">New client</ButtonLink>
        }
      />
      <FilterBar key={JSON.stringify(filters)} resetHref="/admin/clients" searchAction={searchAction}>
        <FilterText name="q" label="Search name or email" value={filters.q} />
        <FilterSelect
          name="status"
          label="Status"
          value={filters.status ?? ''}
          options={CLIENT_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))}
        />
        <FilterSelect name="therapist" label="Clinician" value={filters.therapist ?? ''} options={clinicians.map((c) => ({ value: c.membershipId, label: c.name }))} />
        <Check name="unassigned" value="1" defaultChecked={filters.unassigned} className="font-medium">
          Unassigned only
        </Check>
      </FilterBar>
      {!filters.status ? <p className="mb-3 text-xs text-slate-600">Archived records are hidden unless you filter by that status.</p> : null}
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No clients match these filters">
            <ClearSearchButton searchAction={searchAction} />
          </EmptyState>
        ) : (
          <EmptyState title="No clients yet" action={{ href: '/admin/clients/new', label: 'Create the first client record' }} />
        )
      ) : (
        <ClientTable rows={rows} clinicians={clinicians} />
      )}
    </>
  );
}
