import { OUR_RULES } from '@/lib/measures/rules';

/**
 * Where a piece of homework stands for the people looking at it: the client's list and the therapist's counts
 * read the same rule from here. Pure: no database, no clock of its own.
 */

/**
 * [our rule] (docs/clinical.md §4.5) Homework not sent by its due time stays in the client's list as "still time" for this many days;
 * after that it moves quietly to "missed", out of today's list, so old items never pile up as a wall of
 * overdue work. Nothing is written when it moves: the standing is read from the due time and the clock.
 */
export const HOMEWORK_GRACE_DAYS = OUR_RULES.homeworkGraceDays;

/** An occurrence the client has let go, with an optional reason; their care team sees it. */
export const SET_ASIDE_STATUS = 'set_aside';
/** The reason is a sentence or two in the client's words, counted as lib/text/characters counts. */
export const SET_ASIDE_REASON_MAX = 500;

/** Statuses that still ask something of the client. 'missed' is a stored status of older rows. */
const OPEN: ReadonlySet<string> = new Set(['due', 'in_progress', 'missed']);
const DONE: ReadonlySet<string> = new Set(['submitted', 'reviewed']);

const DAY_MS = 86_400_000;

export type HomeworkStanding =
  /** Open, and its due time has not come. */
  | 'open'
  /** Open, past its due time by at most the grace period: shown gently, still in today's list. */
  | 'late'
  /** Open, past the grace period: out of today's list, shown quietly under "missed". */
  | 'missed'
  | 'set_aside'
  | 'done'
  | 'cancelled';

export interface StandingInput {
  readonly status: string;
  readonly dueAt: Date;
}

export function homeworkStanding({ status, dueAt }: StandingInput, now: Date, graceDays: number = HOMEWORK_GRACE_DAYS): HomeworkStanding {
  if (status === SET_ASIDE_STATUS) return 'set_aside';
  if (DONE.has(status)) return 'done';
  if (!OPEN.has(status)) return 'cancelled';
  const late = now.getTime() - dueAt.getTime();
  if (late <= 0) return 'open';
  return late <= graceDays * DAY_MS ? 'late' : 'missed';
}

/**
 * For the care team's counts: past its due time, not sent, not set aside by the client and not cancelled.
 * The therapist's "overdue" keeps items past the grace period too (they still tell how homework is going);
 * only the client's own list lets them go quietly.
 */
export function countsAsOverdue(occurrence: StandingInput, now: Date): boolean {
  const standing = homeworkStanding(occurrence, now);
  return standing === 'late' || standing === 'missed';
}

/** Whether the client may set this item aside: anything still open. */
export function canSetAside(status: string): boolean {
  return OPEN.has(status);
}
