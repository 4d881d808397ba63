import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows';
import { clientSummaries } from '../../db/schema';
import { seedScalePractice } from '../bench/scale-data';
import { asOwner } from '../support/clinical';
import { openTestDatabase } from '../support/database';

/*
 * The page benchmark's practice (tests/bench/scale-data.ts) is bulk-loaded with triggers off, so it must build the
 * client summaries the triggers keep (db/migrations/0026) itself: a benchmark of a roster with no summaries times a
 * page with nothing in its cells.
 */
describe('the scale seed', () => {
  it('leaves every client a summary row equal to what the triggers would have kept', async () => {
    const id = randomUUID();
    const owner = await (await openTestDatabase()).owner();
    await seedScalePractice(owner, {
      id,
      name: 'Scale seed check',
      prefix: `seedcheck-${id.slice(0, 8)}`,
      passwordHash: null,
      clients: 24,
      therapists: 3,
      days: 30,
      clientLogins: 2,
    });
    const read = () =>
      asOwner(id, (tx) => tx.select().from(clientSummaries).where(eq(clientSummaries.practiceId, id)).orderBy(clientSummaries.clientId));
    const seeded = await read();
    expect(seeded).toHaveLength(24);
    // A history: every client has checked in and has both measures, and the open alerts are counted.
    expect(seeded.every((s) => s.lastCheckinDay !== null && s.phq9Score !== null && s.gad7Score !== null)).toBe(true);
    const [open] = rowsOf<{ n: number }>(
      await asOwner(id, (tx) => tx.execute(sql`select count(*)::int as n from alerts where practice_id = ${id} and acknowledged_at is null`)),
    );
    expect(seeded.reduce((sum, s) => sum + s.followUpAlerts + s.urgentAlerts, 0)).toBe(open!.n);
    // Recomputed from the source tables, the rows are the same.
    await asOwner(id, (tx) =>
      tx.execute(sql`select client_summaries_rebuild(array_agg(c.practice_id), array_agg(c.id)) from clients c where c.practice_id = ${id}`),
    );
    expect(await read()).toEqual(seeded);
  });
});
