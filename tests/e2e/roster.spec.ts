import { expect, test, type Browser, type Page } from '@playwright/test';
import { ATTENTION_CRITERIA } from '../../lib/caseload/attention';
import { DEMO_PASSWORD, openAssignedItem, signIn, storageState } from './support';

test.use({ storageState: storageState('therapist') });

const roster = (page: Page) => page.getByTestId('roster');
const rows = (page: Page) => roster(page).locator('tbody tr');

/** Column index by header text, so the test does not depend on column order. */
async function columnIndex(page: Page, name: string): Promise<number> {
  const headers = await roster(page).locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === name);
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return index;
}

async function columnTexts(page: Page, name: string): Promise<string[]> {
  const index = await columnIndex(page, name);
  return rows(page).evaluateAll((trs, i) => trs.map((tr) => (tr.children[i] as HTMLElement | undefined)?.innerText.trim() ?? ''), index);
}

const rankOf = (label: string) => {
  const i = ATTENTION_CRITERIA.findIndex((c) => c.label === label);
  return i === -1 ? ATTENTION_CRITERIA.length : i;
};

test('Dana’s roster opens in “needs attention” order, the alerting client first', async ({ page }) => {
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
  await expect(roster(page).locator('th[aria-sort]')).toHaveText(/Needs attention/);

  const ranks = (await columnTexts(page, 'Needs attention')).map(rankOf);
  expect(ranks.length).toBeGreaterThan(0);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);

  // The demo history gives one of Dana's clients open alerts: that client leads the roster.
  const alertCells = await columnTexts(page, 'Open alerts');
  const alerting = alertCells.map((text, i) => ({ text, i })).filter((c) => /urgent|follow-up/.test(c.text));
  expect(alerting.length).toBeGreaterThan(0);
  expect(alerting[0]!.i).toBe(0);
  // Among them the client whose latest PHQ-9 item 9 was 2 (an urgent alert, open) comes first.
  expect(alerting.find((c) => /urgent/.test(c.text))?.i).toBe(0);
  expect(rankOf((await columnTexts(page, 'Needs attention'))[0]!)).toBeLessThanOrEqual(1);

  // The order is explained where it is applied.
  const explainer = page.locator('details').filter({ hasText: 'How “needs attention” is ordered' });
  await explainer.getByText('How “needs attention” is ordered').click();
  for (const c of ATTENTION_CRITERIA) await expect(explainer.getByText(c.explanation)).toBeVisible();
});

test('a filter and a sort change the URL and survive a reload', async ({ page }) => {
  await page.goto('/caseload');
  await expect(rows(page).first()).toBeVisible();

  await page.getByRole('combobox', { name: /^Status/ }).selectOption('active');
  await expect(page).toHaveURL(/[?&]status=active/);
  await roster(page).getByRole('button', { name: 'PHQ-9' }).click();
  await expect(page).toHaveURL(/[?&]sort=phq9/);
  await expect(page).toHaveURL(/[?&]dir=desc/);
  await expect(page).toHaveURL(/[?&]status=active/);
  await expect(roster(page).locator('th[aria-sort="descending"]')).toHaveText(/PHQ-9/);

  const before = await columnTexts(page, 'Client');
  await page.reload();
  await expect(page.getByRole('combobox', { name: /^Status/ })).toHaveValue('active');
  await expect(roster(page).locator('th[aria-sort="descending"]')).toHaveText(/PHQ-9/);
  expect(await columnTexts(page, 'Client')).toEqual(before);

  // Scores run high to low, clients without one last.
  const scores = (await columnTexts(page, 'PHQ-9')).map((t) => Number.parseInt(t, 10)).filter((n) => !Number.isNaN(n));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);

  // A hand-edited link with nonsense falls back to defaults instead of failing.
  const response = await page.goto('/caseload?sort=nope&page=-4&size=7&alert=%27&therapist=x');
  expect(response?.status()).toBe(200);
  await expect(rows(page).first()).toBeVisible();

  // A filter nobody matches says what to do.
  await page.goto('/caseload');
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('zzzz-nobody');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('No client matches this view')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(rows(page).first()).toBeVisible();
});

async function clientPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  return page;
}

test('selecting two clients and assigning a journaling prompt shows it on both clients’ portals', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const marker = `Roster journaling ${Date.now()}`;
  await page.goto('/caseload?sort=name');
  await page.getByRole('checkbox', { name: 'Select Alex Rivera' }).check();
  await page.getByRole('checkbox', { name: 'Select Taylor Fischer' }).check();
  const selection = page.getByRole('region', { name: 'Selected clients' });
  await expect(selection).toContainText('2 selected');
  await selection.getByRole('button', { name: 'Assign homework…' }).click();

  const panel = page.getByRole('region', { name: /Assign homework to 2 clients/ });
  await panel.getByRole('combobox', { name: /^Exercise/ }).selectOption({ label: 'Journaling prompt' });
  await panel.getByRole('combobox', { name: /^Prompt/ }).selectOption({ index: 3 });
  await panel.getByRole('textbox', { name: /^Instructions/ }).fill(`${marker}: ten minutes, no editing.`);
  // Tomorrow, so the first due time is never already past whatever the hour of the run.
  const tomorrow = await panel.getByLabel(/^Start date/).evaluate((el: HTMLInputElement) => {
    const d = new Date(`${el.value}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  });
  await panel.getByLabel(/^Start date/).fill(tomorrow);
  await panel.getByRole('button', { name: 'Assign to 2 clients' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Homework assigned to 2 clients.' })).toBeVisible();

  await openAssignedItem(await clientPage(browser, 'alex.rivera@clients.northside.example'), 'Journaling prompt', marker);
  await openAssignedItem(await clientPage(browser, 'taylor.fischer@clients.northside.example'), 'Journaling prompt', marker);
});
