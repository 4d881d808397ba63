// README screenshots from the demo data, so they never go stale: `npm run screenshots`.
// Builds the app if there is no build, serves it on fresh demo data (scripts/e2e-server.mjs, embedded database
// unless TEST_DATABASE_URL is set), signs in as the demo therapist and client in Debian's Chromium and writes
// docs/screenshots/*.webp: the roster, a client record, the portal check-in on a phone, a thought-record review.
// Shot at twice the pixels and written as WebP (quality 80) with sharp, which Next.js installs for its images.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const PORT = process.env.SCREENSHOT_PORT ?? '3190';
const BASE = `http://localhost:${PORT}`;
const OUT = path.join('docs', 'screenshots');
const PASSWORD = 'mend-demo-password';

if (!fs.existsSync(path.join('.next', 'BUILD_ID'))) {
  execFileSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
}
// The demo accounts exist only in a demo (MEND_DEMO=1; e2e-server.mjs sets it too).
const server = spawn(process.execPath, ['scripts/e2e-server.mjs', PORT], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, MEND_DEMO: '1' } });
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the server did not start within three minutes');
}

async function signedIn(browser, email, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function shot(page, name, { fullPage = false } = {}) {
  await page.waitForLoadState('networkidle');
  const png = await page.screenshot({ fullPage, animations: 'disabled' });
  const file = path.join(OUT, `${name}.webp`);
  // sharp is an optional dependency of Next.js: present wherever `npm ci` could install it for the platform.
  const { default: sharp } = await import('sharp').catch(() => {
    throw new Error('sharp is not installed (an optional dependency of Next.js); run npm ci on a supported platform');
  });
  await sharp(png).webp({ quality: 80 }).toFile(file);
  console.log(`  ${name}.webp (${Math.round(fs.statSync(file).size / 1024)} kB)`);
}

try {
  await waitForServer();
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  console.log(`Screenshots in ${OUT}:`);

  const therapist = await signedIn(browser, 'dana@northside.example', { width: 1280, height: 800 });
  await therapist.goto(`${BASE}/caseload`);
  await shot(therapist, 'roster');
  const client = await therapist.getByRole('table').getByRole('link', { name: 'Alex Rivera' }).first().getAttribute('href');
  await therapist.goto(`${BASE}${client}`);
  await shot(therapist, 'client-record');
  await therapist.goto(`${BASE}/submissions?exercise=thought_record`);
  await therapist.getByRole('link', { name: /thought record/i }).first().click();
  await therapist.waitForURL(/\/submissions\/[^/]+$/);
  await shot(therapist, 'thought-record-review');

  const phone = await signedIn(browser, 'alex.rivera@clients.northside.example', { width: 390, height: 844 });
  await phone.goto(`${BASE}/portal/check-in`);
  await shot(phone, 'portal-check-in');

  await browser.close();
} finally {
  stop();
}
