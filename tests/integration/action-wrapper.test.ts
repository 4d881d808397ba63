import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { defineAction } from '../../lib/access/action';
import { openTestDatabase } from '../support/database';
import { actAs, makePractice } from '../support/factories';

async function auditRows(practiceId: string, action: string) {
  const db = await (await openTestDatabase()).owner();
  return ownerScoped(db, practiceId, (tx) =>
    tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, action))),
  );
}

describe('defineAction after its transaction commits', () => {
  it('a failing afterCommit step reports the change as saved, names what did not happen and keeps the commit', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = defineAction({
      name: 'caseload.export',
      permission: 'caseload.view',
      input: z.object({ note: z.string() }),
      run: async ({ audit }) => {
        audit({ entityType: 'test', meta: { kept: true } });
        return { done: true };
      },
      afterCommit: async () => {
        throw new Error('mail server down');
      },
      afterCommitFailure: 'the email could not be sent at once',
    });
    const result = await action(null, { note: 'hello' });
    quiet.mockRestore();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toEqual({ done: true });
    expect(result.message).toMatch(/^Your change was saved, but the email could not be sent at once\. \(ref [0-9a-f]{8}\)$/);
    expect(result.message).not.toMatch(/nothing was saved/);
    expect(await auditRows(p.id, 'caseload.export')).toHaveLength(1);
  });

  it('a failure inside the transaction still says nothing was saved, and writes nothing', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = defineAction({
      name: 'report.create',
      permission: 'caseload.view',
      input: z.object({}),
      run: async ({ audit }) => {
        audit({ entityType: 'test' });
        throw new Error('boom');
      },
    });
    const result = await action(null, {});
    quiet.mockRestore();
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/nothing was saved.*\(ref [0-9a-f]{8}\)/) });
    expect(await auditRows(p.id, 'report.create')).toHaveLength(0);
  });

  it('an action that refreshes its page answers normally when called outside a request (no page to refresh)', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const action = defineAction({
      name: 'caseload.view',
      permission: 'caseload.view',
      input: z.object({}),
      refresh: true,
      run: async () => ({ done: true }),
    });
    expect(await action(null, {})).toMatchObject({ ok: true, data: { done: true } });
  });
});
