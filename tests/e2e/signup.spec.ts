import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readable, startSmtpSink } from '../support/smtp-sink';
import { expectNoViolationsInBothThemes } from './axe';
import { DEMO, DEMO_PASSWORD } from './support';

/*
 * Sign-up needs email, so this spec runs a second production server of the same build: a fresh embedded
 * database, no MEND_DEMO (as `npm start` would be) and SMTP to a test sink whose messages the test reads.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 500;
const BASE = `http://localhost:${PORT}`;
const PASSWORD = 'lantern-orchard-river-57';
const tag = Date.now().toString(36);

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let server: ChildProcess;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  sink = await startSmtpSink();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mend-e2e-signup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    MEND_DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    APP_URL: BASE,
    AUTH_SECRET: 'e2e-signup-secret-not-for-production-use-0000',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  delete env.APP_DATABASE_URL;
  delete env.MEND_DEMO;
  server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(PORT)], { env, stdio: 'ignore' });
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error('the sign-up server stopped');
    const up = await fetch(`${BASE}/api/ready`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the sign-up server did not start');
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  await sink?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function mailFor(to: string, subject: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(() => (found = sink.messages.filter((m) => m.to.includes(to)).map((m) => readable(m.raw)).find((raw) => raw.includes(subject))), { timeout: 90_000 })
    .toBeTruthy();
  return found!;
}

async function fillSignUp(page: Page, email: string, password: string) {
  await page.getByLabel('Practice name').fill(`Lakeside ${tag}`);
  await page.getByLabel('Time zone').selectOption('Europe/London');
  await page.getByLabel('Your name').fill('Ada Founder');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create practice' }).click();
}

test('a production start has no demo accounts; a new practice is confirmed by email, and a second sign-up for the address reveals nothing', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const email = `founder.${tag}@lakeside.example`;

  // A fresh deployment leads its first visitor to sign-up.
  await page.goto('/');
  await expect(page).toHaveURL(/\/signup$/);

  await fillSignUp(page, email, 'password1234');
  await expect(page.locator('#field-password-error')).toContainText('This password would be easy to guess.');
  await expect(page.getByLabel('Practice name')).toHaveValue(`Lakeside ${tag}`);
  // The meter beside the field judges as the server does, before the form is sent.
  const meter = page.locator('#field-password-strength');
  await page.getByLabel('Password', { exact: true }).fill('password1234');
  await expect(meter).toContainText('Strength: Weak.');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await expect(meter).toContainText('Strength: Very strong.');
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  // Nothing exists yet: the address cannot sign in.
  const mail = await mailFor(email, 'Confirm your new practice on Mend');
  const link = /https?:\/\/\S+\/signup\/confirm\/[A-Za-z0-9_-]{43}/.exec(mail)?.[0];
  expect(link).toBeTruthy();
  const confirmPath = new URL(link!).pathname;

  await page.goto(confirmPath);
  await expect(page.getByRole('heading', { name: `Create Lakeside ${tag}` })).toBeVisible();
  // The axe sweep of the confirmation page with a live link: only this spec's server sends its email.
  await expectNoViolationsInBothThemes(page, '/signup/confirm/<live link>');
  await page.getByLabel('Password').fill('not-what-i-chose-at-all');
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page.getByText('That is not the password you chose').first()).toBeVisible();
  await expectNoViolationsInBothThemes(page, '/signup/confirm/<live link> refused');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page).toHaveURL(/\/admin\?welcome=1$/);
  await expect(page.getByText('Your practice is ready.')).toBeVisible();
  await page.goto('/admin/people');
  await expect(page.getByRole('row')).toHaveCount(2);
  await page.goto('/admin/clients');
  await expect(page.getByText('No clients yet')).toBeVisible();

  // The link works once.
  const other = await browser.newContext({ baseURL: BASE });
  const stranger = await other.newPage();
  await stranger.goto(confirmPath);
  await expect(stranger.getByRole('heading', { name: 'This link was already used' })).toBeVisible();

  // Signing up again with the registered address answers exactly as before; the inbox says why.
  await stranger.goto('/signup');
  await fillSignUp(stranger, email, PASSWORD);
  await expect(stranger.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const notice = await mailFor(email, 'You already have a Mend account');
  expect(notice).toContain(`${BASE}/login`);
  expect(notice).not.toMatch(/\/signup\/confirm\//);

  // No demo account exists or is advertised on this production start.
  await stranger.goto('/login');
  await expect(stranger.getByRole('heading', { name: 'Demo logins' })).toHaveCount(0);
  await expect(stranger.getByText(DEMO_PASSWORD)).toHaveCount(0);
  await stranger.getByLabel('Email').fill(DEMO.admin);
  await stranger.getByLabel('Password').fill(DEMO_PASSWORD);
  await stranger.getByRole('button', { name: 'Sign in' }).click();
  await expect(stranger.getByText('That email and password do not match an active account.')).toBeVisible();

  await Promise.all([context.close(), other.close()]);
});
