import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { parseCsv } from '../support/csv';
import { bundleErrors } from '../support/fhir';
import { storageState } from './support';

async function as(browser: Browser, role: 'therapist' | 'admin' | 'client'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

/** The PDF's text as Debian's poppler-utils extracts it, whitespace collapsed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

async function openAlexReport(therapist: Page): Promise<string> {
  await therapist.goto('/caseload');
  await therapist.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(therapist.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible();
  const clientId = new URL(therapist.url()).pathname.split('/').pop()!;
  await therapist.getByRole('link', { name: 'Progress report and data' }).click();
  await expect(therapist).toHaveURL(new RegExp(`/clients/${clientId}/report$`));
  return clientId;
}

test('a progress report prints to PDF (A4 and Letter) with the scores and bands shown on screen, and nothing of the screen around it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const therapist = await as(browser, 'therapist');
  await openAlexReport(therapist);

  const rows = therapist.getByTestId('report-measures').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shown: string[] = [];
  for (const row of await rows.all()) {
    for (const part of ['baseline', 'latest', 'classification']) {
      const cell = row.locator(`[data-part="${part}"]`);
      if (await cell.count()) shown.push((await cell.innerText()).replace(/\s+/g, ' ').trim());
    }
  }
  expect(shown.length).toBeGreaterThanOrEqual(6);
  expect(shown.join(' ')).toMatch(/\d+ (Minimal|Mild|Moderate|Moderately severe|Severe)/);
  await expectAccessible(therapist);

  const summary = `Steady gains this term — Ωμέγα ${Date.now()}`;
  await therapist.getByLabel(/Write a summary to print/).fill(summary);

  for (const format of ['A4', 'Letter'] as const) {
    // Letter is printed from a device in dark mode: paper is the same either way.
    if (format === 'Letter') await therapist.emulateMedia({ colorScheme: 'dark' });
    const file = testInfo.outputPath(`report-${format}.pdf`);
    await therapist.pdf({ path: file, format, printBackground: true });
    const text = pdfText(file);
    for (const value of shown) expect(text, `${format}: ${value}`).toContain(value);
    expect(text).toContain(summary);
    expect(text).toContain('Alex Rivera');
    for (const screenOnly of ['Sign out', 'Print or save as PDF', 'Show period', 'Download the data', 'Caseload']) {
      expect(text, `${format} has no "${screenOnly}"`).not.toContain(screenOnly);
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(format === 'A4' ? /Page size:\s+595\.\d+ x 84\d/ : /Page size:\s+612 x 792/);
  }
});

test('a care-team CSV keeps a non-Latin name intact when read back with its byte-order mark', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const lastName = `王芳-Ωμέγα ${tag}`;
  const admin = await as(browser, 'admin');
  await admin.goto('/admin/clients/new');
  await admin.getByLabel('First name').fill('Łucja');
  await admin.getByLabel('Last name').fill(lastName);
  await admin.getByRole('checkbox', { name: 'Dana Reyes' }).check();
  await admin.getByRole('button', { name: 'Create client record' }).click();
  await expect(admin).toHaveURL(/\/admin\/clients\/[0-9a-f-]{36}$/);
  const clientId = admin.url().split('/').pop()!;

  const therapist = await as(browser, 'therapist');
  await therapist.goto(`/clients/${clientId}?tab=homework`);
  const assign = therapist.getByRole('form', { name: 'Assign homework' });
  if (!(await assign.isVisible())) await therapist.getByText('Assign homework', { exact: true }).click();
  await assign.getByLabel('Exercise or measure').selectOption('exercise:thought_record');
  await assign.getByLabel(/^Instructions/).fill('Zapisz jedną chwilę — 一つの瞬間');
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(therapist.getByTestId('toast')).toHaveText(/^Homework assigned\./);

  await therapist.getByRole('link', { name: 'Progress report and data' }).click();
  const [download] = await Promise.all([
    therapist.waitForEvent('download'),
    therapist.getByRole('link', { name: 'Homework (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^homework-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const [header, first] = parseCsv(text);
  expect(header!.slice(0, 3)).toEqual(['Client', 'Assignment id', 'Homework']);
  expect(first![0]).toBe(`Łucja ${lastName}`);
  expect(first![header!.indexOf('Instructions')]).toBe('Zapisz jedną chwilę — 一つの瞬間');
});

test('the FHIR bundle of a demo client validates against the R4 definitions with zero errors', async ({ browser }) => {
  test.setTimeout(120_000);
  const therapist = await as(browser, 'therapist');
  const clientId = await openAlexReport(therapist);
  const response = await therapist.request.get(`/clients/${clientId}/fhir`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/fhir+json');
  const bundle = (await response.json()) as Bundle;
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundleErrors(bundle)).toEqual([]);
  const observations = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Observation => r?.resourceType === 'Observation');
  expect(
    observations.some((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '44261-6')),
  ).toBe(true);
  expect(
    observations.some((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '70274-6')),
  ).toBe(true);

  // Another practice's admin gets the same answer as for a record that does not exist.
  const outsider = await browser.newContext({ storageState: storageState('otherAdmin') });
  const refused = await outsider.request.get(`/clients/${clientId}/fhir`);
  expect(refused.status()).toBe(404);
});

test('a client takes their own report and data from the portal', async ({ browser }) => {
  test.setTimeout(120_000);
  const client = await as(browser, 'client');
  await client.goto('/portal/progress');
  await client.getByRole('link', { name: 'Printable report and my data' }).click();
  await expect(client.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible();
  await expect(client.getByTestId('report-measures')).toBeVisible();
  await expectAccessible(client);
  const [download] = await Promise.all([
    client.waitForEvent('download'),
    client.getByRole('link', { name: 'Check-ins (CSV)' }).click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [, first] = parseCsv(new TextDecoder().decode(bytes));
  expect(first!.slice(0, 2)).toEqual(['Alex Rivera', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
});
