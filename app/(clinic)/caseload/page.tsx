import type { Metadata } from 'next';
import { EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { ATTENTION_CRITERIA, ATTENTION_EXPLANATION } from '@/lib/caseload/attention';
import { toDisplayRow } from '@/lib/caseload/display';
import { loadCaseloadPage } from '@/lib/caseload/caseload-page';
import { SPARKLINE_DAYS } from '@/lib/caseload/roster';
import { BAND_FILTERS, isFiltered, parseRosterView, rosterViewToSearchParams } from '@/lib/caseload/view';
import { JOURNALING_PROMPTS } from '@/lib/exercises/journaling-prompts';
import { JOURNALING_PROMPT_KEY } from '@/lib/exercises';
import { MEASURES, MEASURE_KEYS } from '@/lib/measures';
import type { SparklineShape } from './_components/sparkline';
import { sparklineShape } from './_components/sparkline-shape';
import type { AssignOptions } from './bulk-assign';
import { RosterTable } from './roster-table';
import { buttonClass } from '@/app/_components/design/button';
import { failPageOnPurpose } from '@/lib/runtime/test-faults';
import { listSearchTerm, searchFormAction } from '@/lib/ui/list-search';
import { searchCaseload } from '@/lib/ui/list-search-actions';

export const metadata: Metadata = { title: 'Caseload' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CaseloadPage({ searchParams }: Props) {
  const actor = await requirePageActor('caseload.view');
  await failPageOnPurpose();
  // The search is the session's (lib/ui/list-search.ts): a client's name never rides in the URL.
  const view = parseRosterView(await searchParams, await listSearchTerm(actor, 'caseload'));
  const isAdmin = actor.role === 'admin';
  // The roster (audited as shown), the therapist filter and the library in one transaction.
  const { roster, therapists, library } = await loadCaseloadPage(actor, view);
  const shownView = { ...view, page: roster.page };

  let assignOptions: AssignOptions | null = null;
  if (library) {
    assignOptions = {
      exercises: library.map((e) => ({ key: e.key, title: e.title })),
      measures: MEASURE_KEYS.map((key) => ({ key, title: MEASURES[key].shortTitle })),
      prompts: JOURNALING_PROMPTS.map((p) => ({ value: p.value, label: p.label })),
      journalingKey: JOURNALING_PROMPT_KEY,
      today: roster.today,
      timeZone: actor.practice.timeZone,
    };
  }

  const header = (
    <PageHeader
      title={isAdmin ? 'All clients' : 'My caseload'}
      description={
        isAdmin
          ? 'Every client of the practice. Scores, moods and alerts show only for clients on your own care team.'
          : 'Who needs you today: the clients on your care team, most pressing first.'
      }
      actions={
        <details className="relative max-w-sm text-sm">
          <summary className={`${buttonClass('secondary')} cursor-pointer list-none`}>
            How “needs attention” is ordered
          </summary>
          <div className="absolute right-0 z-10 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-4 text-slate-700 shadow-lg">
            <ol className="list-decimal space-y-1 pl-5">
              {ATTENTION_CRITERIA.map((c) => (
                <li key={c.id}>
                  <span className="font-medium text-slate-900">{c.label}</span> — {c.explanation}
                </li>
              ))}
              <li>Everyone else.</li>
            </ol>
            <p className="mt-2 text-xs text-slate-600">Within each group, clients are listed by name. Click any column heading to sort by it instead.</p>
          </div>
        </details>
      }
    />
  );

  if (roster.total === 0 && !isFiltered(view)) {
    return (
      <>
        {header}
        {isAdmin ? (
          <EmptyState title="No clients yet" action={{ href: '/admin/clients', label: 'Add a client' }}>
            Add your first client record; once a therapist is on their care team they appear on that therapist’s roster too.
          </EmptyState>
        ) : (
          <EmptyState title="No clients on your care team yet" action={{ href: '/library', label: 'Browse the exercise library' }}>
            A practice admin adds you to a client’s care team; your clients then appear here, with their check-ins, scores and homework.
            Meanwhile you can get to know the exercises you will assign.
          </EmptyState>
        )}
      </>
    );
  }

  // The sparklines' marks, for the clients whose moods the viewer may see (null: no check-in to draw).
  const sparklines: Record<string, SparklineShape | null> = {};
  for (const r of roster.rows) {
    if (r.clinical) sparklines[r.id] = sparklineShape(r.clinical.mood, roster.today, SPARKLINE_DAYS);
  }

  return (
    <>
      {header}
      <RosterTable
        // A new search or "clear filters" draws the search box afresh with the session's term.
        key={`${rosterViewToSearchParams(shownView)}#${view.q}`}
        searchAction={searchFormAction(searchCaseload)}
        rows={roster.rows.map((r) => toDisplayRow(r, roster.today, actor.practice.timeZone))}
        sparklines={sparklines}
        view={shownView}
        total={roster.total}
        pageCount={roster.pageCount}
        isAdmin={isAdmin}
        therapists={therapists}
        bandOptions={BAND_FILTERS.map((b) => ({ value: b.value, label: b.label }))}
        assignOptions={assignOptions}
        attentionHelp={ATTENTION_EXPLANATION}
      />
    </>
  );
}
