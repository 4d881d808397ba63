import { CHANGE_LABELS, percent, signed } from '@/lib/caseload/format';
import { WINDOW_LABELS, WINDOW_STATES } from '@/lib/checkins/rules';
import { MEASURES } from '@/lib/measures/definitions';
import { roundTo } from '@/lib/measures/math';
import type { MeasureKey } from '@/lib/measures/types';
import { percent as share } from '@/lib/reports/checkin-summary';
import type { ProgressReport } from '@/lib/reports/progress';
import { DATE_TIME, DAY_MONTH_YEAR, formatInstant, formatLocalDay } from '@/lib/time/format';
import { TrendChart } from './trend-chart';

const DECIMALS: Record<MeasureKey, number> = { phq9: 0, gad7: 0, who5: 0, arsq: 1, scssf: 1 };

function score(key: MeasureKey, value: number): string {
  const rounded = roundTo(value, DECIMALS[key]);
  return DECIMALS[key] ? rounded.toFixed(DECIMALS[key]) : String(rounded);
}

function day(value: string): string {
  return formatLocalDay(value, DAY_MONTH_YEAR, 'en-GB');
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="report-section mt-6">
      <h2 className="border-b border-slate-300 pb-1 text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

const cell = 'border-b border-slate-200 px-2 py-1.5 text-left align-top';

/**
 * The progress report itself, as it is printed: everything here is server-rendered; `summary` is the one
 * interactive piece (the therapist's text), and only on the clinic's copy. Like the charts, it keeps a light card
 * in the dark theme too (chart-surface), so the screen shows what the paper will.
 */
export function ProgressReportView({ report, summary }: { report: ProgressReport; summary?: React.ReactNode }) {
  const { summary: checkinSummary } = report.checkins;
  const generated = formatInstant(report.generatedAt, report.timeZone, DATE_TIME, 'en-GB');
  const shown = report.measures.map((m) => m.key);
  return (
    <article
      className="report chart-surface rounded-lg bg-white p-6 text-slate-900 shadow-sm ring-1 ring-slate-200 print:p-0 print:shadow-none print:ring-0"
      aria-labelledby="report-title"
    >
      <header className="border-b-2 border-slate-800 pb-3">
        <p className="text-xs uppercase tracking-wide text-slate-600">{report.practiceName} · Progress report</p>
        <h1 id="report-title" className="mt-1 text-2xl font-semibold text-slate-900">
          {report.clientName}
        </h1>
        <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Period</dt>
            <dd data-testid="report-period">
              {day(report.period.from)} – {day(report.period.to)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd>{report.careTeam.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Intake</dt>
            <dd>{report.intakeDate ? day(report.intakeDate) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Prepared</dt>
            <dd>{generated}</dd>
          </div>
        </dl>
      </header>

      {summary}

      <Section title="Measures">
        {report.measures.length ? (
          // On a phone the table scrolls sideways inside this box: focusable and named, so a keyboard can scroll it.
          <div className="relative overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label="Measures">
            <table className="w-full border-collapse text-sm" data-testid="report-measures">
              <caption className="sr-only">
                Scores at baseline and at the end of the period, with the change between them
              </caption>
              <thead>
                <tr className="text-xs text-slate-600">
                  <th scope="col" className={cell}>
                    Measure
                  </th>
                  <th scope="col" className={cell}>
                    Baseline
                  </th>
                  <th scope="col" className={cell}>
                    Latest
                  </th>
                  <th scope="col" className={cell}>
                    Change
                  </th>
                  <th scope="col" className={cell}>
                    Against baseline
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.measures.map((m) => {
                  const change = m.sinceBaseline;
                  return (
                    <tr key={m.key} data-measure={m.key}>
                      <th scope="row" className={`${cell} font-medium`}>
                        {m.shortTitle}
                        <span className="block text-xs font-normal text-slate-600">{m.pointsInRange} in period</span>
                      </th>
                      <td className={cell}>
                        <span data-part="baseline">
                          <span className="font-semibold">{score(m.key, m.baseline.score)}</span>
                          {m.baseline.bandLabel ? ` ${m.baseline.bandLabel}` : ''}
                        </span>
                        <span className="block text-xs text-slate-600">
                          {day(m.baseline.day)}
                          {m.baselineMarked ? ' (chosen)' : ''}
                        </span>
                      </td>
                      <td className={cell}>
                        <span data-part="latest">
                          <span className="font-semibold">{score(m.key, m.latest.score)}</span>
                          {m.latest.bandLabel ? ` ${m.latest.bandLabel}` : ''}
                        </span>
                        {m.latestZScore !== null ? <span> (z {signed(roundTo(m.latestZScore, 1))})</span> : null}
                        <span className="block text-xs text-slate-600">{day(m.latest.day)}</span>
                      </td>
                      <td className={cell}>{change ? signed(roundTo(change.change, DECIMALS[m.key])) : '—'}</td>
                      <td className={cell}>
                        {change ? (
                          <>
                            <span data-part="classification">{CHANGE_LABELS[change.classification]}</span>
                            <span className="block text-xs text-slate-600">reliable at ±{m.threshold}</span>
                            {change.response !== null ? (
                              <span className="block text-xs">
                                {change.remission
                                  ? 'Remission'
                                  : change.response
                                    ? 'Response (≥ 50% fall)'
                                    : 'No response yet'}
                              </span>
                            ) : null}
                          </>
                        ) : (
                          'Baseline only'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-700">No measure was completed by the end of this period.</p>
        )}
        {report.recovery ? (
          <p className="mt-3 text-sm" data-testid="report-recovery">
            NHS Talking Therapies: {report.recovery.caseAtBaseline ? 'a case at baseline' : 'not a case at baseline'};{' '}
            {report.recovery.reliableRecovery
              ? 'reliable recovery.'
              : report.recovery.recovery
                ? 'recovery (without reliable improvement).'
                : report.recovery.caseAtLatest
                  ? 'still a case at the latest scores.'
                  : 'not a case at the latest scores.'}
          </p>
        ) : null}
        <div className="mt-4 grid gap-4">
          {report.measures.map((m) => (
            <TrendChart
              key={m.key}
              title={`${m.shortTitle} over the period`}
              caption={`${m.shortTitle}, ${m.scoreRange.min}–${m.scoreRange.max}, ${m.higherIsBetter ? 'higher is better' : 'lower is better'}. Shaded: severity bands. Square: baseline; dotted lines: the reliable-change thresholds around it; triangles: homework assigned.`}
              domain={report.domain}
              yRange={m.scoreRange}
              bands={m.bands}
              points={m.points.map((p) => ({
                t: p.t,
                y: p.score,
                isBaseline: p.administrationId === m.baseline.administrationId,
              }))}
              baseline={{ t: m.baseline.t, y: m.baseline.score }}
              threshold={m.threshold}
              markers={report.homework.assignedAt}
              timeZone={report.timeZone}
            />
          ))}
        </div>
      </Section>

      <Section title="Daily check-ins">
        {checkinSummary.checkins ? (
          <>
            <ul className="space-y-1 text-sm" data-testid="report-checkins">
              <li>
                Checked in on <strong>{checkinSummary.checkins}</strong> of {checkinSummary.daysInPeriod} days.
              </li>
              <li>
                Mood (0–10): mean <strong>{checkinSummary.mood!.mean}</strong>, lowest {checkinSummary.mood!.min},
                highest {checkinSummary.mood!.max}.
              </li>
              <li>
                Distress (0–100): mean <strong>{checkinSummary.distress!.mean}</strong>, lowest{' '}
                {checkinSummary.distress!.min}, highest {checkinSummary.distress!.max}.
              </li>
              <li>
                Window of tolerance:{' '}
                {WINDOW_STATES.map(
                  (state) =>
                    `${WINDOW_LABELS[state].toLowerCase()} ${checkinSummary.window[state]} (${share(checkinSummary.window[state], checkinSummary.checkins)}%)`,
                ).join(', ')}
                .
              </li>
            </ul>
            <div className="mt-4 grid gap-4">
              <TrendChart
                title="Mood over the period"
                caption="Mood, 0–10, higher is better. Triangles: homework assigned."
                domain={report.domain}
                yRange={{ min: 0, max: 10 }}
                points={report.checkins.points.map((p) => ({ t: p.t, y: p.mood }))}
                markers={report.homework.assignedAt}
                timeZone={report.timeZone}
                height={130}
              />
              <TrendChart
                title="Distress over the period"
                caption="Distress (SUDS), 0–100, lower is better. Triangles: homework assigned."
                domain={report.domain}
                yRange={{ min: 0, max: 100 }}
                points={report.checkins.points.map((p) => ({ t: p.t, y: p.distress }))}
                markers={report.homework.assignedAt}
                timeZone={report.timeZone}
                height={130}
              />
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-700">No check-ins in this period.</p>
        )}
      </Section>

      <Section title="Homework">
        {report.homework.overall.due ? (
          <>
            <p className="text-sm" data-testid="report-adherence">
              Completed <strong>{report.homework.overall.completed}</strong> of {report.homework.overall.due} items due
              in the period ({percent(report.homework.overall.ratio)}).
            </p>
            <table className="mt-2 w-full border-collapse text-sm">
              <caption className="sr-only">Homework due in the period</caption>
              <thead>
                <tr className="text-xs text-slate-600">
                  <th scope="col" className={cell}>
                    Homework
                  </th>
                  <th scope="col" className={cell}>
                    Schedule
                  </th>
                  <th scope="col" className={cell}>
                    Completed
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.homework.assignments.map((a, i) => (
                  <tr key={i}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {a.title}
                    </th>
                    <td className={cell}>{a.recurrenceLabel}</td>
                    <td className={cell}>
                      {a.adherence.completed} of {a.adherence.due} ({percent(a.adherence.ratio)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="text-sm text-slate-700">No homework fell due in this period.</p>
        )}
      </Section>

      {shown.length ? (
        <footer className="mt-8 border-t border-slate-300 pt-2 text-xs text-slate-600">
          {[...new Set(shown.map((key) => MEASURES[key].attribution))].map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p className="mt-1">
            Reliable change follows Jacobson &amp; Truax (1991); bands and thresholds as published for each measure.
            Scores support clinical judgement; they do not replace it.
          </p>
        </footer>
      ) : null}
    </article>
  );
}
