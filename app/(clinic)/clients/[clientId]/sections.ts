/**
 * The client record's sections, one shown at a time. The chosen one is kept in the URL (`?tab=homework`),
 * so a section can be bookmarked, shared and reached with Back, and only its data is read.
 */
export const RECORD_SECTIONS = ['overview', 'measures', 'checkins', 'homework', 'alerts', 'schedules'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export const SECTION_LABELS: Record<RecordSection, string> = {
  overview: 'Overview',
  measures: 'Measures',
  checkins: 'Check-ins',
  homework: 'Homework',
  alerts: 'Alerts',
  schedules: 'Schedules',
};

/** Sections with clinical content: the care team only (docs/clinical.md §6). */
const CLINICAL_SECTIONS: ReadonlySet<RecordSection> = new Set(['measures', 'checkins', 'alerts', 'schedules']);

export function visibleSections(clinical: boolean): RecordSection[] {
  return RECORD_SECTIONS.filter((s) => clinical || !CLINICAL_SECTIONS.has(s));
}

/** The section a URL asks for; anything unknown or not shown to this person opens the overview. */
export function parseSection(value: string | string[] | undefined, visible: readonly RecordSection[]): RecordSection {
  const asked = typeof value === 'string' ? value : undefined;
  return visible.find((s) => s === asked) ?? 'overview';
}

/** A link to a section of the record; the overview is the record's own address. */
export function sectionHref(clientId: string, section: RecordSection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(section === 'overview' ? extra : { tab: section, ...extra });
  const query = params.toString();
  return `/clients/${clientId}${query ? `?${query}` : ''}`;
}
