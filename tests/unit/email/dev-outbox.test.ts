import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DevOutboxPage from '../../../app/dev/outbox/page';
import { EmailNotConfiguredError, emailTransport, sendEmail } from '../../../lib/email';
import { listOutbox, outboxDir } from '../../../lib/email/dev-outbox';

const LINK = 'http://localhost:3000/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const mail = { to: 'new.person@test.example', subject: 'Your invitation to Northside on Mend', text: `Open this link:\n${LINK}\n` };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-outbox-test-'));
  vi.stubEnv('MEND_DATA_DIR', dir);
  vi.stubEnv('SMTP_URL', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the development outbox', () => {
  it('outside production without SMTP, sendEmail keeps the message under the data folder and logs nothing', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    expect(emailTransport()).toBe('dev-outbox');
    const sent = await sendEmail(mail);
    const second = await sendEmail({ ...mail, to: 'someone.else@test.example', subject: 'Second' });
    expect(sent.transport).toBe('dev-outbox');
    expect(outboxDir()).toBe(path.join(dir, 'outbox'));
    expect(fs.readdirSync(outboxDir())).toHaveLength(2);
    const messages = await listOutbox();
    expect(messages.map((m) => m.id)).toEqual([second.id, sent.id]);
    expect(messages[1]).toMatchObject(mail);
    expect(await listOutbox({ to: 'NEW.person@test.example' })).toHaveLength(1);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('in production without SMTP there is no transport: nothing is written, the caller is told', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(emailTransport()).toBeNull();
    await expect(sendEmail(mail)).rejects.toBeInstanceOf(EmailNotConfiguredError);
    expect(fs.existsSync(outboxDir())).toBe(false);
  });

  it('with SMTP_URL set, SMTP is the transport even in development', () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:2525');
    expect(emailTransport()).toBe('smtp');
  });

  it('the page lists messages with their links in development and is a 404 in production', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    await sendEmail(mail);
    const html = renderToStaticMarkup(await DevOutboxPage());
    expect(html).toContain('Your invitation to Northside on Mend');
    expect(html).toContain(`href="${LINK}"`);
    expect(html).toContain('new.person@test.example');
    vi.stubEnv('NODE_ENV', 'production');
    await expect(DevOutboxPage()).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });

  it('skips files that are not outbox messages', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    await sendEmail(mail);
    fs.writeFileSync(path.join(outboxDir(), 'zzz.json'), '{"to": 1}');
    fs.writeFileSync(path.join(outboxDir(), 'notes.txt'), 'hello');
    expect(await listOutbox()).toHaveLength(1);
  });
});
