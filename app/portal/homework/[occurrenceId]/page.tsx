import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExerciseView } from '@/app/_components/exercise-form/exercise-view';
import { FieldComments } from '@/app/_components/exercise-form/field-comments';
import { Badge, Card, EmptyState, formatDate, formatDay, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { commentsByPath, getCompletionView } from '@/lib/submissions/queries';
import { CompleteExercise } from './complete-exercise';
import { SetAsideForm } from './set-aside';
import { formatInstant, TIME } from '@/lib/time/format';

export const metadata: Metadata = { title: 'Homework' };

export default async function CompleteHomeworkPage({ params }: { params: Promise<{ occurrenceId: string }> }) {
  const { occurrenceId } = await params;
  const actor = await requirePageActor('submission.write');
  const view = await getCompletionView(actor, occurrenceId);
  if (!view) notFound();
  if (view.kind === 'cancelled') {
    return (
      <>
        <PageHeader title="Homework" />
        <EmptyState title="This homework was cancelled" action={{ href: '/portal/homework', label: 'Back to today' }}>
          Your therapist cancelled it, so there is nothing to do here.
        </EmptyState>
      </>
    );
  }
  if (view.kind === 'unavailable') {
    return (
      <>
        <PageHeader title="Homework" />
        <EmptyState title="This exercise cannot be opened" action={{ href: '/portal/homework', label: 'Back to today' }}>
          {view.message} Please ask your therapist about it.
        </EmptyState>
      </>
    );
  }

  const byPath = commentsByPath(view.comments);
  const general = byPath[''] ?? [];
  const revising = view.submissionStatus === 'revision_requested';
  const tz = actor.practice.timeZone;
  // What was sent, read only: shown once the server says it is sent, also when the page is reached by Back.
  const sentView = view.latestVersion ? (
    <Card>
      <p className="mb-4 text-sm text-slate-600" data-testid="sent-note">
        You sent {view.latestVersion.version > 1 ? `version ${view.latestVersion.version}` : 'this'} on {formatDate(view.latestVersion.submittedAt, tz)}.
        {view.submissionStatus === 'reviewed' ? ' Your therapist has reviewed it.' : ' Your therapist will look at it.'}
      </p>
      <ExerciseView template={view.template} answers={view.latestVersion.answers} comments={byPath} />
    </Card>
  ) : view.setAside ? null : (
    <EmptyState title="This homework can no longer be changed" action={{ href: '/portal/homework', label: 'Back to today' }} />
  );
  return (
    <>
      <PageHeader
        title={view.title}
        description={`Due ${formatDay(view.localDate)}`}
        actions={
          view.setAside ? (
            <Badge>Set aside</Badge>
          ) : view.submissionStatus ? (
            <Badge tone={submissionTone(view.submissionStatus)}>{SUBMISSION_STATUS_LABELS[view.submissionStatus]}</Badge>
          ) : undefined
        }
      />
      <div className="space-y-5">
        {view.instructions ? (
          <Card title="From your therapist">
            <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="therapist-instructions">
              {view.instructions}
            </p>
          </Card>
        ) : null}
        {revising ? (
          <div className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-semibold">Your therapist asked you to take another look.</p>
            <p className="mt-1">Their comments are shown beside the answers they refer to. Change what you like and send it again; your earlier version is kept.</p>
            <FieldComments comments={general} />
          </div>
        ) : general.length ? (
          <FieldComments comments={general} />
        ) : null}

        {view.setAside ? (
          <div role="status" className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-800" data-testid="set-aside-note">
            <p className="font-semibold text-slate-900">You set this one aside on {formatDate(view.setAside.at, tz)}.</p>
            {view.setAside.reason ? <p className="mt-1 whitespace-pre-wrap">Your reason: {view.setAside.reason}</p> : null}
            <p className="mt-1 text-slate-600">That is okay. Your therapist can see it, and the next one is a fresh start.</p>
          </div>
        ) : null}
        {/* Kept mounted across the refresh that follows a send, so the confirmation (and any crisis panel) stays. */}
        {view.editable || view.latestVersion ? (
          <CompleteExercise
            key={view.occurrenceId}
            editable={view.editable}
            readOnly={sentView}
            occurrenceId={view.occurrenceId}
            template={view.template}
            initialAnswers={view.initialAnswers}
            draftSavedAtLabel={view.draftSavedAt ? formatInstant(view.draftSavedAt, tz, TIME) : null}
            comments={byPath}
            revising={revising}
            crisisContacts={view.crisisContacts}
            // A form posted natively twice (a double tap, a resent page) is sent once.
            postKey={randomUUID()}
          />
        ) : (
          sentView
        )}
        {view.editable && !revising ? <SetAsideForm occurrenceId={view.occurrenceId} open={view.standing === 'missed'} /> : null}
        <p className="text-sm">
          <Link href="/portal/homework" className="font-medium text-brand-800 underline">
            Back to today
          </Link>
        </p>
      </div>
    </>
  );
}
