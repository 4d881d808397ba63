import { isEmptyAnswer } from './fields';
import type { ExerciseTemplate } from './types';

type Row = Record<string, unknown>;
type Answers = Record<string, unknown>;

function recordsOf(value: unknown): Row[] {
  return Array.isArray(value)
    ? value.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Row) : {}))
    : [];
}

/** A row that holds nothing but (maybe) a name carried over from its source row. */
function onlyCarried(row: Row, field: string, carried: unknown): boolean {
  return Object.entries(row).every(([key, value]) => isEmptyAnswer(value) || (key === field && value === carried));
}

/**
 * Carries names into a list the template asks to be aligned with an earlier one (the thought record's re-rated
 * feelings follow the feelings named at the start), so the client rates each feeling again instead of typing it
 * again. A name the client changed by hand in the later list is kept; a carried one follows its source.
 *
 * `previous` is the answers before this change: without it (a form opening, perhaps on a draft) only blank
 * names are filled and missing rows added.
 */
export function carryAlignedItems(template: ExerciseTemplate, answers: Answers, previous?: Answers): Answers {
  let next = answers;
  for (const rule of template.rules ?? []) {
    if (rule.kind !== 'aligned_items') continue;
    const source = recordsOf(next[rule.source]);
    if (previous && JSON.stringify(previous[rule.source]) === JSON.stringify(next[rule.source])) continue;
    if (!source.some((row) => !isEmptyAnswer(row[rule.sourceField]))) continue;
    const before = recordsOf(previous?.[rule.source]);
    const target = recordsOf(next[rule.group]);
    const aligned: Row[] = source.map((sourceRow, i) => {
      const row = target[i] ?? {};
      const name = row[rule.field];
      const carried = isEmptyAnswer(name) || (previous !== undefined && name === before[i]?.[rule.sourceField]);
      if (!carried) return row;
      const sourceName = sourceRow[rule.sourceField];
      if (isEmptyAnswer(sourceName)) {
        const rest = { ...row };
        delete rest[rule.field];
        return rest;
      }
      return { ...row, [rule.field]: sourceName };
    });
    // Rows past the end of the source stay only when the client wrote something of their own in them.
    const extra = target
      .slice(source.length)
      .filter((row, j) => !onlyCarried(row, rule.field, before[source.length + j]?.[rule.sourceField]));
    next = { ...next, [rule.group]: [...aligned, ...extra] };
  }
  return next;
}
