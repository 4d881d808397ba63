import type { Metadata } from 'next';
import Link from 'next/link';
import { ExerciseView } from '@/app/_components/exercise-form/exercise-view';
import { FieldComments } from '@/app/_components/exercise-form/field-comments';
import { Badge, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { clientHistory, commentsByPath } from '@/lib/submissions/queries';

export const metadata: Metadata = { title: 'History' };

export default async function HistoryPage() {
  const actor = await requirePageActor('submission.write');
  const entries = await clientHistory(actor);
  const tz = actor.practice.timeZone;
  return (
    <>
      <PageHeader title="History" description="Everything you have sent, newest first, with your therapist's comments." />
      {entries.length === 0 ? (
        <EmptyState title="Nothing sent yet" action={{ href: '/portal/homework', label: 'See today’s homework' }}>
          Homework you send to your therapist will be kept here.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {entries.map((entry) => {
            const byPath = commentsByPath(entry.comments);
            return (
              <li key={entry.submissionId}>
                <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="history-entry">
                  <summary className="flex min-h-11 cursor-pointer flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="block font-medium text-slate-900">{entry.title}</span>
                      <span className="block text-sm text-slate-600">
                        Sent {formatDate(entry.submittedAt, tz)}
                        {entry.version > 1 ? ` · version ${entry.version}` : ''}
                        {entry.comments.length ? ` · ${entry.comments.length} comment${entry.comments.length === 1 ? '' : 's'}` : ''}
                      </span>
                    </span>
                    <Badge tone={submissionTone(entry.status)}>{SUBMISSION_STATUS_LABELS[entry.status]}</Badge>
                  </summary>
                  <div className="mt-4 space-y-4">
                    {entry.status === 'revision_requested' ? (
                      <p className="text-sm">
                        <Link href={`/portal/homework/${entry.occurrenceId}`} className="font-semibold text-brand-800 underline">
                          Revise and send again
                        </Link>
                      </p>
                    ) : null}
                    <FieldComments comments={byPath['']} />
                    {entry.template ? (
                      <ExerciseView template={entry.template} answers={entry.answers} comments={byPath} idPrefix={`h-${entry.submissionId.slice(0, 8)}`} />
                    ) : (
                      <p className="text-sm text-slate-600">This exercise can no longer be displayed. Ask your therapist about it.</p>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
