import { eq } from 'drizzle-orm';
import { assignments } from '../../db/schema';
import { localDay } from '../../lib/time/day';
import { asOwner } from './clinical';

/** Tomorrow's date (UTC): a start date the assign form accepts whenever the test runs. */
export const tomorrow = () => localDay(Date.now() + 86_400_000, 'UTC');

/** How many assignments the practice has, read past row-level security. */
export function assignmentCount(practiceId: string): Promise<number> {
  return asOwner(practiceId, async (tx) => (await tx.select({ id: assignments.id }).from(assignments).where(eq(assignments.practiceId, practiceId))).length);
}

/** The assign form's fields for a thought record due once tomorrow at 18:00, with any field replaced. */
export const once = (overrides: Record<string, unknown> = {}) => ({
  kind: 'exercise',
  templateKey: 'thought_record',
  startDate: tomorrow(),
  dueTime: '18:00',
  recurrence: { kind: 'once' },
  ...overrides,
});
