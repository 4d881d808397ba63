import { Badge } from '@/app/_components/ui';
import type { RecoveryResult } from '@/lib/measures/change';
import type { MeasureOverview } from '@/lib/measures/client-overview';
import { formatLocalDay as day } from '@/lib/time/format';
import { CLASSIFICATION, score, signed } from './measure-format';

/** Whether the client has recovered (NHS Talking Therapies), in one sentence. */
export function RecoveryLine({ recovery }: { recovery: RecoveryResult | null }) {
  if (!recovery) {
    return <p className="text-sm text-slate-700">Recovery is assessed once PHQ-9 and GAD-7 each have a baseline and a later score.</p>;
  }
  let text: string;
  if (!recovery.caseAtBaseline) text = 'Not a case on PHQ-9 or GAD-7 at baseline, so recovery does not apply.';
  else if (recovery.reliableRecovery) text = 'Reliable recovery: no longer a case on PHQ-9 or GAD-7, with reliable improvement.';
  else if (recovery.recovery) text = 'Recovery: no longer a case on PHQ-9 or GAD-7, without a reliable improvement (or with a reliable deterioration).';
  else text = 'Not recovered: still a case on PHQ-9 or GAD-7 at the latest scores.';
  return (
    <p className="text-sm text-slate-800" data-testid="recovery-status">
      <span className="font-medium">Recovery (NHS Talking Therapies): </span>
      {text}
    </p>
  );
}

/** One measure's latest score, baseline and change, as a card. */
export function MeasureSummary({ m }: { m: MeasureOverview }) {
  const since = m.sinceBaseline;
  return (
    <div className="rounded-lg border border-slate-200 p-4" data-testid={`summary-${m.key}`}>
      <h3 className="font-semibold text-slate-900">{m.shortTitle}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        <div>
          <dt className="text-slate-600">Latest</dt>
          <dd className="font-medium text-slate-900">
            {score(m.latest.score, m.key)}
            {m.latest.bandLabel ? ` · ${m.latest.bandLabel}` : ''}
            {m.latestZScore !== null ? ` · z ${m.latestZScore.toFixed(2)} vs adult norm` : ''}
            <span className="block text-xs font-normal text-slate-600">{day(m.latest.day)}</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Baseline{m.baselineMarked ? ' (marked)' : ''}</dt>
          <dd className="text-slate-900">
            {score(m.baseline.score, m.key)}
            {m.baseline.bandLabel ? ` · ${m.baseline.bandLabel}` : ''}
            <span className="block text-xs text-slate-600">{day(m.baseline.day)}</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Since baseline</dt>
          <dd>
            {since ? (
              <>
                <span className="font-medium text-slate-900">{signed(since.change, m.key)}</span>{' '}
                <Badge tone={CLASSIFICATION[since.classification].tone}>{CLASSIFICATION[since.classification].label}</Badge>
              </>
            ) : (
              <span className="text-slate-700">Only the baseline so far</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Since previous</dt>
          <dd>
            {m.sincePrevious ? (
              <>
                <span className="font-medium text-slate-900">{signed(m.sincePrevious.change, m.key)}</span>{' '}
                <Badge tone={CLASSIFICATION[m.sincePrevious.classification].tone}>
                  {CLASSIFICATION[m.sincePrevious.classification].label}
                </Badge>
              </>
            ) : (
              <span className="text-slate-700">No previous score</span>
            )}
          </dd>
        </div>
        {m.key === 'phq9' && since ? (
          <div className="col-span-2">
            <dt className="sr-only">Response and remission</dt>
            <dd className="flex flex-wrap gap-2">
              <Badge tone={since.response ? 'brand' : 'neutral'}>{since.response ? 'Response (≥ 50 % fall)' : 'No response yet'}</Badge>
              <Badge tone={since.remission ? 'brand' : 'neutral'}>{since.remission ? 'Remission (< 5)' : 'Not in remission'}</Badge>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        Reliable change on {m.shortTitle} is a change of {m.threshold} points or more from baseline.
      </p>
    </div>
  );
}
