import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, storageState } from './support';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const serverLog = path.join(process.cwd(), '.data', `e2e-${PORT}.log`);

test.describe('headers on a live response', () => {
  test('the sign-in page carries a nonce CSP, no framing, nosniff and a strict referrer policy, and runs its scripts', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/login');
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security']).toContain('max-age=');
    // Next stamped the request's nonce on its own scripts.
    const scriptNonces = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
    // Hydrated: the client-side form shows its validation without a page load.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('a signed-in page is never stored and the session cookie is __Host-, HttpOnly, SameSite', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('therapist') });
    const page = await context.newPage();
    const response = await page.goto('/caseload');
    expect(response!.headers()['cache-control']).toContain('no-store');
    const cookie = (await context.cookies()).find((c) => c.name.endsWith('mend.session'));
    expect(cookie?.name).toBe('__Host-mend.session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    await context.close();
  });
});

test.describe('requests an attacker would craft', () => {
  test('a NUL byte or a malformed encoding in a URL gets a 400, and no SQL reaches the log', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('admin') });
    const urls = [
      '/caseload/export?q=%00',
      '/caseload?q=%00',
      '/admin/clients?q=%00',
      '/admin/people?q=%00',
      '/admin/audit?action=%00',
      '/%FF%FE',
      '/clients/%FF%FE',
    ];
    for (const url of urls) {
      const response = await context.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(400);
    }
    // Next itself rewrites a query that is not UTF-8 to U+FFFD before the proxy sees it: a search
    // for that character, never a server error.
    for (const url of ['/caseload?q=%ED%A0%80', '/admin/clients?q=%FF%FE']) {
      expect((await context.request.get(url, { maxRedirects: 0 })).status(), url).toBeLessThan(500);
    }
    // Ordinary searches still work.
    expect((await context.request.get('/admin/clients?q=Rivera', { maxRedirects: 0 })).status()).toBe(200);
    await context.close();
    const log = fs.readFileSync(serverLog, 'utf8');
    expect(log).not.toMatch(/Failed query|params:|insert into|select .* from/i);
  });

  test('the development outbox does not exist in production', async ({ request }) => {
    const response = await request.get('/dev/outbox', { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  });

  test('x-middleware-subrequest does not skip the sign-in redirect', async ({ request }) => {
    for (const value of ['proxy', 'middleware', 'middleware:middleware:middleware:middleware:middleware', 'proxy:proxy:proxy:proxy:proxy', 'src/middleware']) {
      const response = await request.get('/caseload', { headers: { 'x-middleware-subrequest': value }, maxRedirects: 0 });
      expect(response.status(), value).toBe(307);
      expect(response.headers()['location']).toMatch(/\/login$/);
    }
  });

  test('a server action posted with a foreign Origin changes nothing', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('admin') });
    const page = await context.newPage();
    await page.goto('/admin/clients/new');
    // Capture the browser's own server-action request, then replay it from another origin.
    type Captured = { url: string; headers: Record<string, string>; body: string | null };
    const holder: { captured: Captured | null } = { captured: null };
    await page.route('**/admin/clients/new', async (route) => {
      const req = route.request();
      if (req.method() === 'POST' && !holder.captured) {
        holder.captured = { url: req.url(), headers: await req.allHeaders(), body: req.postData() };
        await route.abort();
        return;
      }
      await route.continue();
    });
    await page.getByLabel('First name').fill('Foreign');
    await page.getByLabel('Last name').fill('Origin');
    await page.getByRole('button', { name: /create/i }).click();
    await expect.poll(() => holder.captured !== null).toBe(true);
    const replay = holder.captured!;
    const headers: Record<string, string> = { ...replay.headers, origin: 'https://evil.example', host: `localhost:${PORT}` };
    delete headers['content-length'];
    const logBefore = fs.readFileSync(serverLog, 'utf8').length;
    const response = await context.request.post(replay.url, { headers, data: replay.body ?? '', maxRedirects: 0 });
    // Next refuses a server action whose Origin is not the host with a 500 and says why in the log; the action never runs.
    expect(response.status()).toBe(500);
    await expect
      .poll(() => fs.readFileSync(serverLog, 'utf8').slice(logBefore))
      .toContain('does not match `origin` header with value `evil.example` from a forwarded Server Actions request. Aborting the action.');
    // Control: the same request from our own origin does create the record, so the refusal above was the Origin's doing.
    const control = await context.request.post(replay.url, {
      headers: { ...headers, origin: `http://localhost:${PORT}` },
      data: (replay.body ?? '').replace('Foreign', 'Sameorigin'),
      maxRedirects: 0,
    });
    expect(control.status()).toBeLessThan(400);
    await page.unroute('**/admin/clients/new');
    await page.goto('/admin/clients');
    await expect(page.getByText('Sameorigin Origin')).toBeVisible();
    await expect(page.getByText('Foreign Origin')).toHaveCount(0);
    await context.close();
  });
});

test('an admin invitation link is shown to the admin who made it and never written to the server log', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('admin') });
  const admin = await context.newPage();
  await admin.goto('/admin/invitations');
  await admin.getByLabel('Email').fill(`second.admin.${Date.now().toString(36)}@northside.example`);
  await admin.getByRole('radio', { name: /Admin/ }).check();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  const link = await admin.getByTestId('shared-link').first().inputValue();
  const token = /\/invite\/([A-Za-z0-9_-]{43})$/.exec(link)?.[1];
  expect(token).toBeTruthy();
  await context.close();
  const log = fs.readFileSync(serverLog, 'utf8');
  expect(log).not.toContain(token!);
  expect(log).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}|\/reset-password\/[A-Za-z0-9_-]{43}/);
});

test('client text written through a form never appears in the server log', async ({ page }) => {
  const canary = `CANARY-${Date.now().toString(36)}-do-not-log`;
  await signIn(page, 'sam.sato@clients.northside.example');
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/check-in');
  // Saved by the form's script: a Save pressed before the page has hydrated would not reach it.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Mood', { exact: true }).fill('6');
  await page.getByLabel('Distress', { exact: true }).fill('40');
  await page.getByText('Within my window', { exact: true }).click();
  await page.getByRole('group', { name: 'Any thoughts of harming yourself today?' }).getByText('No', { exact: true }).click();
  await page.locator('#field-note').fill(`Today felt heavy. ${canary}`);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: /check-in/ })).toBeVisible();
  // And a bad submission (the server logs refusals), carrying the canary again.
  await page.goto('/portal/check-in');
  await page.locator('#field-note').fill(`${canary} ${'x'.repeat(2100)}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/at most 2,?000 characters/i).first()).toBeVisible();
  const log = fs.readFileSync(serverLog, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(canary);
  expect(log).not.toContain('sam.sato@');
});
