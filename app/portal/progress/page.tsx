import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, Card, EmptyState, PageHeader, formatDate } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { myRecentCheckins } from '@/lib/checkins/queries';
import { WINDOW_LABELS } from '@/lib/checkins/rules';
import { myProgress } from '@/lib/measures/queries';
import { LazyProgressChart as ProgressChart } from './lazy-progress-chart';

export const metadata: Metadata = { title: 'My progress' };

const READING: Record<string, string> = {
  phq9: 'Lower is better. It asks about low mood over the last two weeks.',
  gad7: 'Lower is better. It asks about worry and anxiety over the last two weeks.',
  who5: 'Higher is better. It asks how well you have felt over the last two weeks, from 0 to 100.',
  arsq: 'Lower means you expect rejection less and worry about it less.',
  scssf: 'Higher means you treat yourself more kindly when things are hard, from 1 to 5.',
};

const TONE = { reliable_improvement: 'brand', no_reliable_change: 'neutral', reliable_deterioration: 'warn' } as const;
const LABEL = {
  reliable_improvement: 'Reliably better',
  no_reliable_change: 'No reliable change yet',
  reliable_deterioration: 'Reliably worse',
} as const;

function average(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null;
}

export default async function ProgressPage() {
  const actor = await requirePageActor('progress.viewOwn');
  const [measures, checkins] = await loadPage(actor, () => Promise.all([myProgress(actor), myRecentCheckins(actor, 30)]));
  const mood = average(checkins.map((c) => c.mood));
  const distress = average(checkins.map((c) => c.distress));
  const within = checkins.filter((c) => c.window === 'within').length;

  return (
    <>
      <PageHeader
        title="My progress"
        description="How your answers have changed since you started. Only you and your care team see this."
        actions={
          <Link href="/portal/report" className="text-sm font-medium text-brand-800 underline">
            Printable report and my data
          </Link>
        }
      />

      <Card title="Check-ins, last 30 days" className="mb-4">
        {checkins.length ? (
          <ul className="space-y-1 text-sm text-slate-800">
            <li>
              You checked in on <strong>{checkins.length}</strong> of the last 30 days.
            </li>
            <li>
              Your mood averaged <strong>{mood}</strong> out of 10, and your distress <strong>{distress}</strong> out of 100.
            </li>
            <li>
              You felt “{WINDOW_LABELS.within.toLowerCase()}” on {within} of those days.
            </li>
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            No check-ins in the last 30 days.{' '}
            <Link href="/portal/check-in" className="font-medium text-brand-800 underline">
              Check in now
            </Link>
          </p>
        )}
      </Card>

      {measures.length === 0 ? (
        <EmptyState title="No questionnaires yet">
          When you fill in a questionnaire your therapist gives you, you will see here how your scores change over time.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {measures.map((m) => (
            <Card key={m.measure} title={`${m.title} · ${m.about}`}>
              <p className="text-base text-slate-900" data-testid={`progress-summary-${m.measure}`}>
                {m.summary}
              </p>
              {m.normNote ? <p className="mt-1 text-sm text-slate-700">{m.normNote}</p> : null}
              <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <span>
                  Latest: <strong>{m.latest.score}</strong>
                  {m.latest.bandLabel ? ` (${m.latest.bandLabel.toLowerCase()})` : ''} on {formatDate(m.latest.completedAt, actor.practice.timeZone)}
                </span>
                {m.classification ? <Badge tone={TONE[m.classification]}>{LABEL[m.classification]}</Badge> : null}
              </div>
              <p className="mt-1 text-xs text-slate-600">
                {READING[m.measure]} A “reliable” change is bigger than scores move by chance from one time to the next.
              </p>
              {m.points.length > 1 ? (
                <div className="mt-3">
                  <ProgressChart
                    title={m.title}
                    points={m.points.map((p) => ({ t: Date.parse(p.completedAt), score: p.score }))}
                    domain={[m.scoreRange.min, m.scoreRange.max]}
                    baseline={m.baseline.score}
                    timeZone={actor.practice.timeZone}
                  />
                </div>
              ) : null}
              {m.incompleteCount ? (
                <p className="mt-2 text-xs text-slate-600">
                  {m.incompleteCount} {m.incompleteCount === 1 ? 'form was' : 'forms were'} left with gaps and {m.incompleteCount === 1 ? 'has' : 'have'} no score.
                </p>
              ) : null}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
