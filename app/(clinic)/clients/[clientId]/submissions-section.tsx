import Link from 'next/link';
import { Badge, Card, formatDate, formatDay } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import { canReadClinical } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { OCCURRENCE_STATUS_LABELS, SUBMISSION_STATUS_LABELS, submissionTone } from '@/lib/submissions/labels';
import { recordSubmissions, recordThoughtRecordTrend } from '@/lib/clients/record-page';
import { LazyThoughtRecordChart as ThoughtRecordChart } from './lazy-thought-record-chart';
import type { IntensityChartPoint } from './thought-record-chart';
import { formatInstant, MONTH_DAY } from '@/lib/time/format';

/**
 * The client's sent homework on their record. Everyone who may open the record sees what was assigned and
 * whether it was sent; only the care team can open the answers and see the thought-record trend.
 */
export async function ClientSubmissionsSection({ actor, clientId }: { actor: Actor; clientId: string }) {
  const mayReview = can(actor.role, 'submission.review') && canReadClinical(actor, clientId);
  const [rows, trendOrNull] = await Promise.all([recordSubmissions(actor, clientId), mayReview ? recordThoughtRecordTrend(actor, clientId) : null]);
  if (!rows) return null;
  const trend = trendOrNull ?? [];
  const tz = actor.practice.timeZone;
  const points: IntensityChartPoint[] = trend.map((p) => ({
    t: new Date(p.submittedAt).getTime(),
    label: formatInstant(p.submittedAt, tz, MONTH_DAY),
    before: p.meanBefore,
    after: p.meanAfter,
  }));
  return (
    <div className="space-y-6">
      <Card title="Sent homework">
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No homework has been due yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm" data-testid="client-submissions">
            {rows.map((r) => (
              <li key={r.occurrenceId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {mayReview && r.submissionId ? (
                    <Link href={`/submissions/${r.submissionId}`} className="font-medium text-brand-800 underline">
                      {r.title}
                    </Link>
                  ) : (
                    <span className="font-medium text-slate-900">{r.title}</span>
                  )}
                  <span className="ml-2 text-slate-600">
                    due {formatDay(r.localDate)}
                    {r.submittedAt ? ` · sent ${formatDate(r.submittedAt, tz)}` : ''}
                    {r.version > 1 ? ` · ${r.version} versions` : ''}
                  </span>
                </span>
                {r.submissionStatus ? (
                  <Badge tone={r.submissionStatus === 'submitted' ? 'warn' : submissionTone(r.submissionStatus)}>
                    {r.submissionStatus === 'submitted' && mayReview ? 'Needs review' : SUBMISSION_STATUS_LABELS[r.submissionStatus]}
                  </Badge>
                ) : (
                  <Badge>{OCCURRENCE_STATUS_LABELS[r.occurrenceStatus]}</Badge>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {mayReview && trend.length ? (
        <Card title="Thought records: feelings before and after">
          <p className="mb-2 text-sm text-slate-600">Average intensity of the feelings in each thought record, at the start and when re-rated at the end.</p>
          <ThoughtRecordChart points={points} />
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-brand-800">Show the numbers</summary>
            <table className="mt-2 w-full text-left">
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-1 font-medium">Sent</th>
                  <th scope="col" className="py-1 font-medium">Feelings (before → after)</th>
                  <th scope="col" className="py-1 font-medium">Average before</th>
                  <th scope="col" className="py-1 font-medium">Average after</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((p) => (
                  <tr key={p.submissionId} className="border-t border-slate-100 align-top">
                    <td className="py-1">{formatDate(p.submittedAt, tz)}</td>
                    <td className="py-1">
                      {p.emotions.map((e) => `${e.emotion || '—'} ${e.before ?? '—'}→${e.after ?? '—'}`).join(', ')}
                    </td>
                    <td className="py-1">{p.meanBefore === null ? '—' : `${p.meanBefore}%`}</td>
                    <td className="py-1">{p.meanAfter === null ? '—' : `${p.meanAfter}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
      ) : null}
    </div>
  );
}
