import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { INBOX_PAGE_SIZE, INBOX_STATUSES, INBOX_STATUS_LABELS, inboxFilterOptions, inboxQuery, listInbox, parseInboxFilters } from '@/lib/submissions/inbox';
import { SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { FilterBar, FilterSelect, FilterText } from '../admin/_components/filter-bar';

export const metadata: Metadata = { title: 'Submissions' };

export default async function SubmissionsInboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('submission.review');
  const filters = parseInboxFilters(await searchParams);
  const [{ items, total, unreviewed, page, pageCount }, options] = await loadPage(actor, () => Promise.all([listInbox(actor, filters), inboxFilterOptions(actor)]));
  const filtered = Boolean(filters.client || filters.exercise || filters.status || filters.from || filters.to);
  const tz = actor.practice.timeZone;
  const first = (page - 1) * INBOX_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader title="Submissions" description="Homework your clients have sent, newest first. Unreviewed work is highlighted." />
      <FilterBar resetHref="/submissions">
        <FilterSelect name="client" label="Client" value={filters.client ?? ''} options={options.clients.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect name="exercise" label="Exercise" value={filters.exercise ?? ''} options={options.exercises.map((e) => ({ value: e.key, label: e.title }))} />
        <FilterSelect name="status" label="Status" value={filters.status ?? ''} options={INBOX_STATUSES.map((s) => ({ value: s, label: INBOX_STATUS_LABELS[s] }))} />
        <FilterText name="from" label="Sent from" type="date" value={filters.from ?? ''} />
        <FilterText name="to" label="Sent to" type="date" value={filters.to ?? ''} />
      </FilterBar>
      {items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No submissions match these filters' : 'No submissions yet'}
          action={filtered ? { href: '/submissions', label: 'Clear filters' } : undefined}
        >
          {filtered ? null : 'When your clients send homework, it will appear here.'}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" role="status" data-testid="inbox-count">
            {total === 1 ? '1 submission' : `${total} submissions`}
            {unreviewed && filters.status !== 'unreviewed' ? `, ${unreviewed} needing review` : ''}
            {pageCount > 1 ? ` · showing ${first}–${first + items.length - 1}` : ''}
          </p>
          <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Submissions from your clients</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Client</th>
                  <th scope="col" className="px-4 py-2 font-medium">Exercise</th>
                  <th scope="col" className="px-4 py-2 font-medium">Sent</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {items.map((item) => (
                  <tr key={item.submissionId} className={item.unreviewed ? 'bg-amber-50/70' : undefined} data-testid="inbox-row" data-unreviewed={item.unreviewed ? 'true' : undefined}>
                    <td className="px-4 py-3">
                      <Link href={`/clients/${item.clientId}?tab=homework`} className="text-slate-900 hover:underline">
                        {item.clientName}
                      </Link>
                    </td>
                    <td className="px-4 py-3">
                      <Link href={`/submissions/${item.submissionId}`} className={`text-brand-800 underline ${item.unreviewed ? 'font-semibold' : ''}`}>
                        {item.title}
                      </Link>
                      {item.version > 1 ? <span className="ml-2 text-xs text-slate-600">version {item.version}</span> : null}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700">{formatDate(item.submittedAt, tz)}</td>
                    <td className="px-4 py-3">
                      <Badge tone={item.unreviewed ? 'warn' : submissionTone(item.status)}>
                        {item.unreviewed ? 'Needs review' : SUBMISSION_STATUS_LABELS[item.status]}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 ? (
            <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
              {page > 1 ? (
                <Link href={`/submissions${inboxQuery(filters, page - 1)}`} className="text-brand-800 underline">
                  Newer
                </Link>
              ) : null}
              <span className="text-slate-600">
                Page {page} of {pageCount}
              </span>
              {page < pageCount ? (
                <Link href={`/submissions${inboxQuery(filters, page + 1)}`} className="text-brand-800 underline">
                  Older
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
