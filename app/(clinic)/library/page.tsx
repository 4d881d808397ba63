import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { THEME_LABELS, isExerciseTheme } from '@/lib/exercises/catalog';
import { listLibrary } from '@/lib/exercises/library';
import { EXERCISE_THEMES } from '@/lib/exercises/types';
import { buttonClass } from '@/app/_components/design/button';
import { inputClass } from '@/app/_components/design/input-class';

export const metadata: Metadata = { title: 'Exercise library' };

type Search = { q?: string | string[]; theme?: string | string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

function themeHref(q: string, theme: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (theme) params.set('theme', theme);
  const s = params.toString();
  return s ? `/library?${s}` : '/library';
}

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor('library.view');
  const params = await searchParams;
  const q = first(params.q).slice(0, 100);
  const themeParam = first(params.theme);
  const theme = isExerciseTheme(themeParam) ? themeParam : '';
  const entries = await listLibrary(actor, { q, theme });
  const canAuthor = can(actor.role, 'exercise.author');
  return (
    <>
      <PageHeader
        title="Exercise library"
        description="Every exercise, as your clients will see it. Open one to preview it and assign it."
        actions={
          canAuthor ? (
            <Link href="/library/new" className={buttonClass('primary')}>
              New exercise
            </Link>
          ) : null
        }
      />
      <form method="get" action="/library" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="grow space-y-1">
          <label htmlFor="library-q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="library-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Title, purpose or theme"
            className={inputClass}
          />
        </div>
        {theme ? <input type="hidden" name="theme" value={theme} /> : null}
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
      </form>
      <nav aria-label="Filter by theme" className="mb-6 flex flex-wrap gap-2">
        <Link
          href={themeHref(q, null)}
          aria-current={!theme ? 'page' : undefined}
          className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          All themes
        </Link>
        {EXERCISE_THEMES.map((t) => (
          <Link
            key={t}
            href={themeHref(q, t)}
            aria-current={theme === t ? 'page' : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {THEME_LABELS[t]}
          </Link>
        ))}
      </nav>
      {entries.length ? (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Exercises">
          {entries.map((e) => (
            <li key={e.key} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-base font-semibold text-slate-900">
                <Link href={`/library/${e.key}`} className="hover:underline">
                  {e.title}
                </Link>
              </h2>
              <p className="mt-1 grow text-sm text-slate-700">{e.summary || 'No summary.'}</p>
              <div className="mt-3 flex flex-wrap items-center gap-2">
                {e.origin === 'custom' ? (
                  <Badge tone="warn">{e.sharedWithPractice ? 'Practice' : 'Only you'}{e.authorName ? ` · ${e.authorName}` : ''}</Badge>
                ) : (
                  <Badge tone="brand">Built-in</Badge>
                )}
                {e.themes.map((t) => (
                  <Badge key={t}>{THEME_LABELS[t]}</Badge>
                ))}
                {e.estimatedMinutes ? <span className="text-xs text-slate-600">about {e.estimatedMinutes} min</span> : null}
              </div>
              <Link href={`/library/${e.key}`} className="mt-3 text-sm font-medium text-brand-800 underline" aria-label={`Preview and assign ${e.title}`}>
                Preview and assign
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No exercises match" action={{ href: '/library', label: 'Show the whole library' }}>
          Try another word, or clear the theme filter.
        </EmptyState>
      )}
    </>
  );
}
