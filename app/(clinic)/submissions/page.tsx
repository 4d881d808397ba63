import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { reviewInbox } from '@/lib/submissions/queries';

export const metadata: Metadata = { title: 'Submissions' };

export default async function SubmissionsInboxPage({ searchParams }: { searchParams: Promise<{ show?: string | string[] }> }) {
  const actor = await requirePageActor('submission.review');
  const { show } = await searchParams;
  const onlyUnreviewed = show === 'unreviewed';
  const items = await reviewInbox(actor, { status: onlyUnreviewed ? 'unreviewed' : 'all' });
  const unreviewedCount = onlyUnreviewed ? items.length : items.filter((i) => i.unreviewed).length;
  const tz = actor.practice.timeZone;
  const tab = (active: boolean) =>
    `inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-medium ${active ? 'bg-brand-700 text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`;
  return (
    <>
      <PageHeader title="Submissions" description="Homework your clients have sent, newest first. Unreviewed work is highlighted." />
      <nav aria-label="Filter submissions" className="mb-4 flex gap-2">
        <Link href="/submissions" className={tab(!onlyUnreviewed)} aria-current={!onlyUnreviewed ? 'page' : undefined}>
          All
        </Link>
        <Link href="/submissions?show=unreviewed" className={tab(onlyUnreviewed)} aria-current={onlyUnreviewed ? 'page' : undefined}>
          Unreviewed{!onlyUnreviewed && unreviewedCount ? ` (${unreviewedCount})` : ''}
        </Link>
      </nav>
      {items.length === 0 ? (
        <EmptyState title={onlyUnreviewed ? 'Everything is reviewed' : 'No submissions yet'}>
          {onlyUnreviewed ? 'Nothing is waiting for you.' : 'When your clients send homework, it will appear here.'}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
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
                    <Link href={`/clients/${item.clientId}`} className="text-slate-900 hover:underline">
                      {item.clientName}
                    </Link>
                  </td>
                  <td className="px-4 py-3">
                    <Link href={`/submissions/${item.submissionId}`} className={`text-brand-800 underline ${item.unreviewed ? 'font-semibold' : ''}`}>
                      {item.title}
                    </Link>
                    {item.version > 1 ? <span className="ml-2 text-xs text-slate-600">version {item.version}</span> : null}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatDate(item.submittedAt, tz)}</td>
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
      )}
    </>
  );
}
