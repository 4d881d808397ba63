import { EXERCISE_THEMES, type ExerciseTemplate, type ExerciseTheme } from './types';

/** Human names for the library's theme filter. */
export const THEME_LABELS: Readonly<Record<ExerciseTheme, string>> = {
  acknowledging_hurt: 'Acknowledging the hurt',
  cbt_reframe: 'Reframing thoughts (CBT)',
  journaling: 'Journaling',
  self_compassion: 'Self-compassion',
  grounding: 'Grounding',
  safe_place: 'Safe/calm place',
  boundaries: 'Boundaries',
  support_network: 'Support network',
  relapse_prevention: 'Relapse prevention',
  safety: 'Safety',
  other: 'Other',
};

export function isExerciseTheme(value: unknown): value is ExerciseTheme {
  return typeof value === 'string' && (EXERCISE_THEMES as readonly string[]).includes(value);
}

/** One exercise as the library lists it: the latest version of a built-in or of a practice's own. */
export interface LibraryEntry {
  readonly key: string;
  readonly version: number;
  readonly origin: 'built_in' | 'custom';
  readonly title: string;
  readonly summary: string;
  readonly themes: readonly ExerciseTheme[];
  readonly estimatedMinutes?: number;
  /** Custom only: visible to the whole practice, or to its author alone. */
  readonly sharedWithPractice: boolean;
  /** Custom only: the actor made it (and so may edit, share or archive it, as may an admin). */
  readonly mine: boolean;
  readonly authorName?: string;
}

export function entryFromTemplate(
  template: ExerciseTemplate,
  extra: { sharedWithPractice?: boolean; mine?: boolean; authorName?: string } = {},
): LibraryEntry {
  return {
    key: template.key,
    version: template.version,
    origin: template.origin,
    title: template.title,
    summary: template.summary,
    themes: template.themes,
    ...(template.estimatedMinutes !== undefined ? { estimatedMinutes: template.estimatedMinutes } : {}),
    sharedWithPractice: extra.sharedWithPractice ?? template.origin === 'built_in',
    mine: extra.mine ?? false,
    ...(extra.authorName ? { authorName: extra.authorName } : {}),
  };
}

export interface LibraryFilter {
  readonly q?: string;
  readonly theme?: string;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Search is every word of the query found in the title, summary or a theme name (accents and case ignored);
 * an unknown theme filters nothing out rather than hiding the whole library behind a bad link.
 */
export function filterLibrary(entries: readonly LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  const words = fold(filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  const theme = isExerciseTheme(filter.theme) ? filter.theme : undefined;
  return entries.filter((e) => {
    if (theme && !e.themes.includes(theme)) return false;
    if (!words.length) return true;
    const haystack = fold([e.title, e.summary, ...e.themes.map((t) => THEME_LABELS[t])].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
