import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState, PageHeader, buttonClass } from '@/app/_components/design';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { auditActionLabel } from '@/lib/audit/labels';
import { auditFilterOptions, listAuditEvents, parseAuditFilters, type AuditFilters } from '@/lib/audit/queries';
import { FilterBar, FilterSelect, FilterText } from '../_components/filter-bar';
import { formatInstant } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Audit trail' };

function query(f: AuditFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['person', 'client', 'action', 'from', 'to'] as const) if (f[key]) params.set(key, f[key]!);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function describeMeta(meta: Record<string, string | number | boolean | null> | null): string {
  if (!meta) return '';
  return Object.entries(meta)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('audit.view');
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, hasMore }, options] = await loadPage(actor, () => Promise.all([listAuditEvents(actor, filters), auditFilterOptions(actor)]));
  const filtered = Boolean(filters.person || filters.client || filters.action || filters.from || filters.to);
  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Who did what to which record, and when, including who viewed clinical content. Append-only; times in ${actor.practice.timeZone}.`}
        actions={
          <a href={`/admin/audit/export${query(filters)}`} className={buttonClass('secondary')} download>
            Export CSV
          </a>
        }
      />
      <FilterBar resetHref="/admin/audit">
        <FilterSelect name="person" label="Person" value={filters.person ?? ''} options={options.people.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect name="client" label="Client" value={filters.client ?? ''} options={options.clients.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="action" label="Action" value={filters.action ?? ''} options={options.actions.map((a) => ({ value: a, label: auditActionLabel(a) })).sort((x, y) => x.label.localeCompare(y.label))} />
        <FilterText name="from" label="From" type="date" value={filters.from ?? ''} />
        <FilterText name="to" label="To" type="date" value={filters.to ?? ''} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? 'No events match these filters' : 'Nothing recorded yet'} action={filtered ? { href: '/admin/audit', label: 'Clear filters' } : undefined} />
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">When</th>
                  <th scope="col" className="px-3 py-2 font-medium">Who</th>
                  <th scope="col" className="px-3 py-2 font-medium">Action</th>
                  <th scope="col" className="px-3 py-2 font-medium">Record</th>
                  <th scope="col" className="px-3 py-2 font-medium">Client</th>
                  <th scope="col" className="px-3 py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-700">{formatInstant(r.at, actor.practice.timeZone, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                    <td className="px-3 py-2">
                      {r.actorName ?? '—'}
                      {r.actorRole ? <span className="block text-xs text-slate-600">{r.actorRole}</span> : null}
                    </td>
                    <td className="px-3 py-2" data-action={r.action}>
                      {auditActionLabel(r.action)}
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-700">{r.entityType ? `${r.entityType} ${r.entityId?.slice(0, 8) ?? ''}` : '—'}</td>
                    <td className="px-3 py-2">
                      {r.clientId ? (
                        <Link href={`/admin/audit${query({ ...filters, client: r.clientId, page: 1 })}`} className="text-brand-800 hover:underline">
                          {r.clientName ?? r.clientId.slice(0, 8)}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-700">{describeMeta(r.meta)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
            {filters.page > 1 ? (
              <Link href={`/admin/audit${query(filters, filters.page - 1)}`} className="text-brand-800 underline">
                Newer
              </Link>
            ) : null}
            <span className="text-slate-600">Page {filters.page}</span>
            {hasMore ? (
              <Link href={`/admin/audit${query(filters, filters.page + 1)}`} className="text-brand-800 underline">
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
