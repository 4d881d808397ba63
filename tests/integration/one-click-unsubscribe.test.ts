import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as oneClickPost, GET as oneClickGet } from '../../app/api/unsubscribe/[token]/route';
import { emailOutbox, reminderPreferences } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { sendDueEmail } from '../../lib/email/outbox';
import { saveReminderPreferences } from '../../lib/reminders/actions';
import { sendDueReminders } from '../../lib/reminders/job';
import { openTestDatabase } from '../support/database';
import { type TestPractice, actAs, makePractice } from '../support/factories';
import { smtpSinkForFile } from '../support/smtp-sink';

const sink = smtpSinkForFile();

/** A message's header block with folded lines joined, as a mail client reads it. */
function headerOf(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const call = (handler: typeof oneClickPost, url: string, init?: RequestInit) => {
  const token = new URL(url).pathname.split('/').pop()!;
  return handler(new Request(url, init), { params: Promise.resolve({ token }) });
};

async function emailChoice(p: TestPractice) {
  const owner = await (await openTestDatabase()).owner();
  const [row] = await ownerScoped(owner, p.id, (tx) =>
    tx.select().from(reminderPreferences).where(and(eq(reminderPreferences.practiceId, p.id), eq(reminderPreferences.clientId, p.clientA1.clientId))),
  );
  return row;
}

async function pendingReminders(p: TestPractice) {
  const owner = await (await openTestDatabase()).owner();
  return ownerScoped(owner, p.id, (tx) =>
    tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, p.id), eq(emailOutbox.kind, 'reminder'), eq(emailOutbox.status, 'pending'))),
  );
}

describe('RFC 8058 one-click unsubscribe', () => {
  it("a reminder carries List-Unsubscribe and List-Unsubscribe-Post, and the mail client's POST stops email reminders at once", async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    expect(
      await saveReminderPreferences(null, { enabled: 'on', email: 'on', checkinTime: '09:00', timeZone: 'UTC', quietStart: '22:00', quietEnd: '07:00', weeklyCap: '7' }),
    ).toMatchObject({ ok: true });
    actAs(null);

    await sendDueReminders({ id: p.id, timeZone: 'UTC' }, new Date('2026-12-10T09:10:00Z'));
    await sendDueEmail(p.id);
    const message = sink.messages.find((m) => m.to.includes(p.clientA1.email));
    expect(message).toBeDefined();
    expect(headerOf(message!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const header = headerOf(message!.raw, 'List-Unsubscribe');
    expect(header).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    const url = header!.slice(1, -1);

    // Opened in a browser, the address leads to the page that asks first, and changes nothing.
    const opened = await call(oneClickGet, url);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(/^\/unsubscribe\/[A-Za-z0-9_.-]+$/);
    expect(await emailChoice(p)).toMatchObject({ email: true });

    // The mail client's one-click POST, signed out: email reminders stop.
    const answered = await call(oneClickPost, url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(answered.status).toBe(200);
    expect(await emailChoice(p)).toMatchObject({ email: false });

    // The next day's reminder writes no email.
    await sendDueReminders({ id: p.id, timeZone: 'UTC' }, new Date('2026-12-11T09:10:00Z'));
    expect(await pendingReminders(p)).toHaveLength(0);
  });

  it('a forged or altered address changes nothing and says the link is not valid', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    expect(
      await saveReminderPreferences(null, { enabled: 'on', email: 'on', checkinTime: '09:00', timeZone: 'UTC', quietStart: '22:00', quietEnd: '07:00', weeklyCap: '7' }),
    ).toMatchObject({ ok: true });
    actAs(null);
    for (const token of ['not-a-token', `${Buffer.from(`${p.id}.${p.clientA1.clientId}.email`).toString('base64url')}.forgedsignature`]) {
      const answered = await call(oneClickPost, `http://localhost/api/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
      expect(answered.status).toBe(400);
      expect(await answered.text()).toContain('not valid');
    }
    expect(await emailChoice(p)).toMatchObject({ email: true });
  });
});
