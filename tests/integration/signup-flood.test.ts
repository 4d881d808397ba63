import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, pendingSignups } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { signUpPractice } from '../../lib/practice/actions';
import { PLATFORM_PRACTICE_ID } from '../../lib/practice/platform';
import { openTestDatabase } from '../support/database';
import { actAs, makePractice } from '../support/factories';

const PASSWORD = 'violet-kettle-harbour-42';
const RUN = Date.now().toString(36);

const form = (email: string) => ({
  practiceName: `Flood Test ${RUN}`,
  timeZone: 'Europe/London',
  name: 'Someone Else',
  email,
  password: PASSWORD,
  confirmPassword: PASSWORD,
});

async function mailCount(email: string): Promise<number> {
  const owner = await (await openTestDatabase()).owner();
  const rows = await ownerScoped(owner, PLATFORM_PRACTICE_ID, (tx) =>
    tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, PLATFORM_PRACTICE_ID), sql`lower(${emailOutbox.toAddress}) = ${email.toLowerCase()}`)),
  );
  return rows.length;
}

beforeAll(() => {
  // The development outbox is the transport here (no SMTP_URL outside production).
  delete process.env.SMTP_URL;
});

describe('sign-up cannot be used to fill a stranger’s inbox', () => {
  it('sends at most three sign-up emails an hour to one address, registered or not, and answers the same every time', async () => {
    const p = await makePractice();
    actAs(null);
    const stranger = `stranger-${RUN}@inbox.example`;
    for (const address of [stranger, p.therapist.email]) {
      const answers = [];
      // A burst, as a script would send it.
      answers.push(...(await Promise.all(Array.from({ length: 5 }, () => signUpPractice(null, form(address))))));
      answers.push(await signUpPractice(null, form(address.toUpperCase())));
      expect(await mailCount(address)).toBe(3);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ ok: true, data: { message: expect.stringContaining('Check your email') } });
    }
    // Only the mailed sign-ups wait for confirmation.
    const owner = await (await openTestDatabase()).owner();
    const pending = await ownerScoped(owner, PLATFORM_PRACTICE_ID, (tx) =>
      tx.select().from(pendingSignups).where(and(eq(pendingSignups.practiceId, PLATFORM_PRACTICE_ID), eq(pendingSignups.email, stranger))),
    );
    expect(pending).toHaveLength(3);
    // Another address is not held back by the first one's cap.
    await signUpPractice(null, form(`neighbour-${RUN}@inbox.example`));
    expect(await mailCount(`neighbour-${RUN}@inbox.example`)).toBe(1);
  });
});
