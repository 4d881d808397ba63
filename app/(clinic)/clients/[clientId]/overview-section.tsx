import Link from 'next/link';
import { LazyCheckinChart as CheckinChart, LazyMeasureChart as MeasureChart } from '@/app/_components/charts/lazy';
import { Badge, Card, EmptyState } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import type { Actor } from '@/lib/auth/types';
import { WINDOW_LABELS } from '@/lib/checkins/rules';
import { ARSQ_NORM } from '@/lib/measures/arsq';
import type { ChangeClassification, RecoveryResult } from '@/lib/measures/change';
import { type ClientOverview, type MeasureOverview, getClientOverview } from '@/lib/measures/client-overview';
import { MEASURES } from '@/lib/measures/definitions';
import { OVERVIEW_RANGES, OVERVIEW_RANGE_LABELS, type OverviewRange } from '@/lib/measures/overview';
import { MarkBaselineButton } from './baseline-button';
import { formatLocalDay } from '@/lib/time/format';

const DECIMALS: Record<MeasureOverview['key'], number> = { phq9: 0, gad7: 0, who5: 0, arsq: 2, scssf: 2 };

const CLASSIFICATION: Record<ChangeClassification, { label: string; tone: 'brand' | 'neutral' | 'danger' }> = {
  reliable_improvement: { label: 'Reliable improvement', tone: 'brand' },
  no_reliable_change: { label: 'No reliable change', tone: 'neutral' },
  reliable_deterioration: { label: 'Reliable deterioration', tone: 'danger' },
};

function score(value: number, key: MeasureOverview['key']): string {
  const d = DECIMALS[key];
  return d === 0 ? String(Math.round(value)) : value.toFixed(d);
}

function signed(value: number, key: MeasureOverview['key']): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${score(Math.abs(value), key)}`;
}

const day = formatLocalDay;

function RangeSwitch({ clientId, range }: { clientId: string; range: OverviewRange }) {
  return (
    <nav aria-label="Chart range" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
      {OVERVIEW_RANGES.map((r) => (
        <Link
          key={r}
          href={`/clients/${clientId}?range=${r}`}
          scroll={false}
          aria-current={r === range ? 'page' : undefined}
          className={`min-h-9 rounded-md px-3 py-1.5 text-sm font-medium ${
            r === range ? 'bg-white text-brand-800 shadow-sm' : 'text-slate-700 hover:bg-white/60'
          }`}
        >
          {OVERVIEW_RANGE_LABELS[r]}
        </Link>
      ))}
    </nav>
  );
}

function RecoveryLine({ recovery }: { recovery: RecoveryResult | null }) {
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

function MeasureSummary({ m }: { m: MeasureOverview }) {
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

function MeasureTable({ m, canMarkBaseline }: { m: MeasureOverview; canMarkBaseline: boolean }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">Table view: {m.shortTitle} scores</summary>
      <div className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">
            {m.title}: each completed administration in the selected range, with its band and change from baseline.
          </caption>
          <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Date</th>
              <th scope="col" className="px-3 py-2 font-medium">Score</th>
              <th scope="col" className="px-3 py-2 font-medium">Band</th>
              <th scope="col" className="px-3 py-2 font-medium">Change from baseline</th>
              <th scope="col" className="px-3 py-2 font-medium">Baseline</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {m.points.map((p) => (
              <tr key={p.administrationId}>
                <td className="px-3 py-2">{day(p.day)}</td>
                <td className="px-3 py-2">{score(p.score, m.key)}</td>
                <td className="px-3 py-2">{p.bandLabel ?? '—'}</td>
                <td className="px-3 py-2">{signed(Math.round((p.score - m.baseline.score) * 100) / 100, m.key)}</td>
                <td className="px-3 py-2">
                  {p.administrationId === m.baseline.administrationId ? (
                    <span className="font-medium text-brand-800">Baseline</span>
                  ) : canMarkBaseline ? (
                    <MarkBaselineButton administrationId={p.administrationId} label={`Make the ${m.shortTitle} of ${day(p.day)} the baseline`} />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function CheckinTable({ overview }: { overview: ClientOverview }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">Table view: check-ins</summary>
      <div className="mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Daily check-ins in the selected range: mood, distress, its 7-day average and window of tolerance.</caption>
          <thead className="sticky top-0 bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Date</th>
              <th scope="col" className="px-3 py-2 font-medium">Mood (0–10)</th>
              <th scope="col" className="px-3 py-2 font-medium">Distress (0–100)</th>
              <th scope="col" className="px-3 py-2 font-medium">Distress, 7-day average</th>
              <th scope="col" className="px-3 py-2 font-medium">Window of tolerance</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {overview.checkins.points.map((p) => (
              <tr key={p.checkinId}>
                <td className="px-3 py-2">{day(p.day)}</td>
                <td className="px-3 py-2">{p.mood}</td>
                <td className="px-3 py-2">{p.distress}</td>
                <td className="px-3 py-2">{p.distressAverage7}</td>
                <td className="px-3 py-2">{WINDOW_LABELS[p.window]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function HomeworkNote({ overview }: { overview: ClientOverview }) {
  if (!overview.homework.length) return null;
  return (
    <p className="mt-2 text-xs text-slate-700">
      Homework assigned on: {overview.homework.map((h) => day(h.day)).join(', ')}.
    </p>
  );
}

/** Summary, check-in chart and one chart per measure, for the care team only. */
export async function ClinicalOverviewSection({ actor, clientId, range }: { actor: Actor; clientId: string; range: OverviewRange }) {
  if (!can(actor.role, 'client.viewClinical')) return null;
  const overview = await getClientOverview(actor, clientId, range);
  if (!overview) return null;
  const canMarkBaseline = can(actor.role, 'measure.markBaseline');
  const homework = overview.homework.map((h) => ({ t: h.t, day: h.day }));
  const thinned = (shown: number, total: number) =>
    shown < total ? <p className="mt-1 text-xs text-slate-600">Showing {shown} of {total} points, reduced to keep the chart readable.</p> : null;

  return (
    <div className="space-y-6">
      <Card title="Summary">
        {overview.measures.length ? (
          <div className="space-y-4">
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {overview.measures.map((m) => (
                <MeasureSummary key={m.key} m={m} />
              ))}
            </div>
            <RecoveryLine recovery={overview.recovery} />
          </div>
        ) : (
          <EmptyState title="No measures completed yet">Scores appear here once the client completes a measure.</EmptyState>
        )}
      </Card>

      <section aria-labelledby="trends-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="trends-heading" className="text-lg font-semibold text-slate-900">
            Trends
          </h2>
          <RangeSwitch clientId={clientId} range={range} />
        </div>

        <Card title="Daily check-ins">
          {overview.checkins.points.length ? (
            <>
              <p className="sr-only">
                Chart of {overview.checkins.points.length} check-ins; the table view below lists the same values.
              </p>
              <CheckinChart
                timeZone={actor.practice.timeZone}
                domain={overview.domain}
                points={overview.checkins.points}
                homework={homework}
                windowLabels={{ ...WINDOW_LABELS }}
              />
              {thinned(overview.checkins.points.length, overview.checkins.pointsInRange)}
              <HomeworkNote overview={overview} />
              <CheckinTable overview={overview} />
            </>
          ) : (
            <EmptyState title="No check-ins in this range">
              {overview.checkins.total ? 'Choose a longer range to see earlier check-ins.' : 'The client has not checked in yet.'}
            </EmptyState>
          )}
        </Card>

        {overview.measures.map((m) => (
          <Card key={m.key} title={`${m.shortTitle}: ${MEASURES[m.key].about}`}>
            {m.points.length ? (
              <>
                <p className="sr-only">
                  Chart of {m.points.length} {m.shortTitle} scores with severity bands, the baseline and reliable-change lines; the table view below lists the same values.
                </p>
                <MeasureChart
                  title={m.shortTitle}
                  timeZone={actor.practice.timeZone}
                  domain={overview.domain}
                  scoreRange={m.scoreRange}
                  higherIsBetter={m.higherIsBetter}
                  bands={m.bands.map((b) => ({ label: b.label, min: b.min, max: b.max }))}
                  points={m.points.map((p) => ({ t: p.t, day: p.day, score: p.score, bandLabel: p.bandLabel, isBaseline: p.administrationId === m.baseline.administrationId }))}
                  baseline={{ t: m.baseline.t, score: m.baseline.score }}
                  threshold={m.threshold}
                  homework={homework}
                  decimals={DECIMALS[m.key]}
                  norm={m.key === 'arsq' ? { mean: ARSQ_NORM.mean, sd: ARSQ_NORM.sd } : undefined}
                />
                {thinned(m.points.length, m.pointsInRange)}
                <MeasureTable m={m} canMarkBaseline={canMarkBaseline} />
              </>
            ) : (
              <EmptyState title={`No ${m.shortTitle} in this range`}>
                The latest was on {day(m.latest.day)}. Choose a longer range to see it.
              </EmptyState>
            )}
          </Card>
        ))}
        {overview.measuresWithoutData.length ? (
          <p className="text-sm text-slate-700">
            Not completed yet: {overview.measuresWithoutData.map((k) => MEASURES[k].shortTitle).join(', ')}.
          </p>
        ) : null}
      </section>
    </div>
  );
}
