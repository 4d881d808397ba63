import { WINDOW_LABELS } from '@/lib/checkins/rules';
import type { ClientOverview, MeasureOverview } from '@/lib/measures/client-overview';
import { formatLocalDay as day } from '@/lib/time/format';
import { MarkBaselineButton } from './baseline-button';
import { score, signed } from './measure-format';

/** The same values as a chart, as a table: for screen readers and for anyone who wants the numbers. */
export function MeasureTable({ m, canMarkBaseline }: { m: MeasureOverview; canMarkBaseline: boolean }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">Table view: {m.shortTitle} scores</summary>
      <div className="relative mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200">
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

export function CheckinTable({ overview }: { overview: ClientOverview }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-800">Table view: check-ins</summary>
      <div className="relative mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200">
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
