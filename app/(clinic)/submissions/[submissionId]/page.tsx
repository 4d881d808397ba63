import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExerciseView } from '@/app/_components/exercise-form/exercise-view';
import { FieldComments } from '@/app/_components/exercise-form/field-comments';
import { Badge, Card, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import {
  formatAnswer,
  isAnswers,
  resolveFieldPath,
  thoughtRecordIntensities,
  THOUGHT_RECORD_KEY,
  type AnswerChange,
  type ExerciseTemplate,
} from '@/lib/exercises';
import { SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { changesBetween, commentsByPath, getSubmissionForReview } from '@/lib/submissions/queries';
import { CommentForm, PrivateNoteForm, ReviewActions } from './review-forms';

export const metadata: Metadata = { title: 'Submission' };

function pickVersion(raw: string | string[] | undefined, versions: number[], fallback: number): number {
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  return versions.includes(n) ? n : fallback;
}

/** One side of a change, as the client would read it. */
function describe(template: ExerciseTemplate, path: string, value: unknown): string {
  const target = resolveFieldPath(template, path);
  if (!target) return String(value ?? '');
  if (target.kind === 'sub_field') return formatAnswer(target.field, value);
  if (target.kind === 'field' && target.field.type !== 'repeating_group') return formatAnswer(target.field, value);
  if (target.kind === 'item' && isAnswers(value)) {
    return target.group.fields
      .map((f) => [f.label, formatAnswer(f, value[f.id])] as const)
      .filter(([, v]) => v !== '')
      .map(([l, v]) => `${l}: ${v}`)
      .join(' · ');
  }
  return '';
}

function ChangeList({ template, changes }: { template: ExerciseTemplate; changes: AnswerChange[] }) {
  if (!changes.length) return <p className="text-sm text-slate-600">No answers changed between these versions.</p>;
  return (
    <ul className="space-y-3" data-testid="change-list">
      {changes.map((c) => (
        <li key={`${c.kind}-${c.path}`} className="rounded-lg border border-slate-200 p-3 text-sm">
          <p className="font-medium text-slate-900">
            {c.label} <Badge tone={c.kind === 'removed' ? 'danger' : c.kind === 'added' ? 'brand' : 'warn'}>{c.kind}</Badge>
          </p>
          {c.kind !== 'added' ? (
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-600">
              <span className="font-medium">Before: </span>
              <del>{describe(template, c.path, c.before)}</del>
            </p>
          ) : null}
          {c.kind !== 'removed' ? (
            <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">
              <span className="font-medium">After: </span>
              <ins className="no-underline">{describe(template, c.path, c.after)}</ins>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function SubmissionReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ submissionId: string }>;
  searchParams: Promise<{ v?: string | string[]; compare?: string | string[] }>;
}) {
  const [{ submissionId }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor('submission.review');
  const view = await getSubmissionForReview(actor, submissionId);
  if (!view) notFound();
  if ('unavailable' in view) {
    return (
      <>
        <PageHeader title="Submission" />
        <EmptyState title="This exercise cannot be displayed" action={{ href: '/submissions', label: 'Back to submissions' }}>
          {view.unavailable}
        </EmptyState>
      </>
    );
  }
  const tz = actor.practice.timeZone;
  const numbers = view.versions.map((v) => v.version);
  const shown = pickVersion(query.v, numbers, view.currentVersion);
  const shownVersion = view.versions.find((v) => v.version === shown);
  const compareDefault = shown > 1 ? shown - 1 : shown;
  const compare = pickVersion(query.compare, numbers.filter((n) => n !== shown), compareDefault);
  const changes = compare !== shown ? changesBetween(view, Math.min(compare, shown), Math.max(compare, shown)) : [];
  const changedPaths = new Set(changes.map((c) => c.path));
  const byPath = commentsByPath(view.comments);
  const isCurrent = shown === view.currentVersion;
  const intensities = view.template.key === THOUGHT_RECORD_KEY ? thoughtRecordIntensities(shownVersion?.answers) : [];

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/submissions" className="text-brand-800 underline">
          ← Submissions
        </Link>
      </p>
      <PageHeader
        title={`${view.template.title} — ${view.clientName}`}
        description={`Sent ${formatDate(view.submittedAt, tz)}${view.currentVersion > 1 ? ` · ${view.currentVersion} versions` : ''}`}
        actions={<Badge tone={view.status === 'submitted' ? 'warn' : submissionTone(view.status)}>{view.status === 'submitted' ? 'Needs review' : SUBMISSION_STATUS_LABELS[view.status]}</Badge>}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          {view.versions.length > 1 ? (
            <nav aria-label="Versions" className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-700">Version:</span>
              {view.versions.map((v) => (
                <Link
                  key={v.version}
                  href={`/submissions/${view.submissionId}?v=${v.version}`}
                  aria-current={v.version === shown ? 'page' : undefined}
                  className={`inline-flex min-h-10 items-center rounded-lg px-3 ${v.version === shown ? 'bg-brand-700 font-semibold text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
                >
                  {v.version} <span className="ml-1 text-xs opacity-80">({formatDate(v.submittedAt, tz)})</span>
                </Link>
              ))}
            </nav>
          ) : null}

          {changes.length || compare !== shown ? (
            <Card title={`What changed between version ${Math.min(compare, shown)} and version ${Math.max(compare, shown)}`}>
              <ChangeList template={view.template} changes={changes} />
            </Card>
          ) : null}

          {view.instructions ? (
            <Card title="Your instructions">
              <p className="whitespace-pre-wrap text-sm text-slate-800">{view.instructions}</p>
            </Card>
          ) : null}

          {intensities.length ? (
            <Card title="Feelings before and after">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-1 font-medium">Feeling</th>
                    <th scope="col" className="py-1 font-medium">Before</th>
                    <th scope="col" className="py-1 font-medium">After</th>
                  </tr>
                </thead>
                <tbody>
                  {intensities.map((e, i) => (
                    <tr key={i} className="border-t border-slate-100">
                      <td className="py-1">{e.emotion || '—'}</td>
                      <td className="py-1">{e.before === null ? '—' : `${e.before}%`}</td>
                      <td className="py-1">{e.after === null ? '—' : `${e.after}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          ) : null}

          <Card title={`Answers — version ${shown}${isCurrent ? '' : ' (an earlier version)'}`}>
            {!isCurrent ? (
              <p className="mb-3 text-sm text-slate-600">
                Comments are made on the latest version.{' '}
                <Link href={`/submissions/${view.submissionId}`} className="text-brand-800 underline">
                  Go to version {view.currentVersion}
                </Link>
              </p>
            ) : null}
            <FieldComments comments={byPath['']} />
            <ExerciseView
              template={view.template}
              answers={shownVersion?.answers}
              comments={byPath}
              changedPaths={changedPaths}
              renderFieldExtras={
                isCurrent && view.status !== 'reviewed'
                  ? (path, label) => <CommentForm submissionId={view.submissionId} fieldPath={path} label={label} />
                  : undefined
              }
            />
          </Card>
        </div>
        <aside className="space-y-4">
          <Card title="Review">
            <ReviewActions submissionId={view.submissionId} status={view.status} />
          </Card>
          <Card title="Private note">
            <PrivateNoteForm submissionId={view.submissionId} />
          </Card>
          <p className="text-sm">
            <Link href={`/clients/${view.clientId}`} className="text-brand-800 underline">
              {view.clientName}’s record
            </Link>
          </p>
        </aside>
      </div>
    </>
  );
}
