import { LazyCheckinChart as CheckinChart, LazyMeasureChart as MeasureChart } from '@/app/_components/charts/lazy';
import { Card, EmptyState } from '@/app/_components/ui';
import { can } from '@/lib/access/permissions';
import type { Actor } from '@/lib/auth/types';
import { WINDOW_LABELS } from '@/lib/checkins/rules';
import { ARSQ_NORM } from '@/lib/measures/arsq';
import { recordOverview } from '@/lib/clients/record-page';
import type { ClientOverview } from '@/lib/measures/client-overview';
import { MEASURES } from '@/lib/measures/definitions';
import type { OverviewRange } from '@/lib/measures/overview';
import { formatLocalDay as day } from '@/lib/time/format';
import { CheckinTable, MeasureTable } from './data-tables';
import { DECIMALS } from './measure-format';
import { RangeSwitch } from './range-switch';
import type { RecordSection } from './sections';

type TrendProps = { actor: Actor; clientId: string; range: OverviewRange };

function homeworkMarkers(overview: ClientOverview) {
  return overview.homework.map((h) => ({ t: h.t, day: h.day }));
}

function Thinned({ shown, total }: { shown: number; total: number }) {
  return shown < total ? <p className="mt-1 text-xs text-slate-600">Showing {shown} of {total} points, reduced to keep the chart readable.</p> : null;
}

function TrendsHeading({ clientId, section, range, title }: { clientId: string; section: RecordSection; range: OverviewRange; title: string }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h2 id={`${section}-heading`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <RangeSwitch clientId={clientId} section={section} range={range} />
    </div>
  );
}

async function overviewFor({ actor, clientId, range }: TrendProps): Promise<ClientOverview | null> {
  if (!can(actor.role, 'client.viewClinical')) return null;
  return recordOverview(actor, clientId, range);
}

/** One chart per measure with severity bands, baseline and reliable-change lines, and a table view. Care team only. */
export async function MeasureTrendsSection(props: TrendProps) {
  const overview = await overviewFor(props);
  if (!overview) return null;
  const { actor, clientId, range } = props;
  const canMarkBaseline = can(actor.role, 'measure.markBaseline');
  const homework = homeworkMarkers(overview);
  return (
    <section aria-labelledby="measures-heading" className="space-y-4">
      <TrendsHeading clientId={clientId} section="measures" range={range} title="Measure trends" />
      {overview.measures.length === 0 ? <EmptyState title="No measures completed yet">Charts appear here once the client completes a measure.</EmptyState> : null}
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
              <Thinned shown={m.points.length} total={m.pointsInRange} />
              <MeasureTable m={m} canMarkBaseline={canMarkBaseline} />
            </>
          ) : (
            <EmptyState title={`No ${m.shortTitle} in this range`}>The latest was on {day(m.latest.day)}. Choose a longer range to see it.</EmptyState>
          )}
        </Card>
      ))}
      {overview.measuresWithoutData.length ? (
        <p className="text-sm text-slate-700">Not completed yet: {overview.measuresWithoutData.map((k) => MEASURES[k].shortTitle).join(', ')}.</p>
      ) : null}
    </section>
  );
}

/** Daily check-ins: mood, distress with its 7-day average and the window of tolerance, and a table view. Care team only. */
export async function CheckinTrendsSection(props: TrendProps) {
  const overview = await overviewFor(props);
  if (!overview) return null;
  const { actor, clientId, range } = props;
  return (
    <section aria-labelledby="checkins-heading" className="space-y-4">
      <TrendsHeading clientId={clientId} section="checkins" range={range} title="Check-in trends" />
      <Card title="Daily check-ins">
        {overview.checkins.points.length ? (
          <>
            <p className="sr-only">Chart of {overview.checkins.points.length} check-ins; the table view below lists the same values.</p>
            <CheckinChart
              timeZone={actor.practice.timeZone}
              domain={overview.domain}
              points={overview.checkins.points}
              homework={homeworkMarkers(overview)}
              windowLabels={{ ...WINDOW_LABELS }}
            />
            <Thinned shown={overview.checkins.points.length} total={overview.checkins.pointsInRange} />
            {overview.homework.length ? (
              <p className="mt-2 text-xs text-slate-700">Homework assigned on: {overview.homework.map((h) => day(h.day)).join(', ')}.</p>
            ) : null}
            <CheckinTable overview={overview} />
          </>
        ) : (
          <EmptyState title="No check-ins in this range">
            {overview.checkins.total ? 'Choose a longer range to see earlier check-ins.' : 'The client has not checked in yet.'}
          </EmptyState>
        )}
      </Card>
    </section>
  );
}
