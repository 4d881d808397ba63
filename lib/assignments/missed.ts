import 'server-only';

/**
 * How a reader shows an occurrence: one still 'due' after its due time is 'missed'. Reads derive it rather than
 * write it, so a page view never turns into an UPDATE (and two readers never race to write the same rows).
 */
export function effectiveOccurrenceStatus<S extends string>(status: S, dueAt: Date, now: Date): S | 'missed' {
  return status === 'due' && dueAt.getTime() < now.getTime() ? 'missed' : status;
}
