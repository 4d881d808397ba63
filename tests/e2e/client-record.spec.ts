import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

/**
 * The client record: a sticky header over one section at a time, the section kept in the URL so it can be
 * bookmarked, shared, reloaded and reached with Back, and only that section's content on the page.
 */

test.use({ storageState: storageState('therapist') });

async function openAlex(page: Page): Promise<string> {
  await page.goto('/caseload');
  await page.getByRole('table').getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(page.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

const sectionsNav = (page: Page) => page.getByRole('navigation', { name: 'Record sections' });

async function expectCurrent(page: Page, label: string) {
  await expect(sectionsNav(page).getByRole('link', { name: new RegExp(`^${label}`) })).toHaveAttribute('aria-current', 'page');
  await expect(sectionsNav(page).locator('[aria-current="page"]')).toHaveCount(1);
}

test('the record opens on its overview with a header of status, latest scores in their bands and open alerts', async ({ page }) => {
  const path = await openAlex(page);
  expect(path).toMatch(/^\/clients\/[0-9a-f-]{36}$/);
  const header = page.getByTestId('record-header');
  await expect(header.getByText('active', { exact: true })).toBeVisible();
  // The demo client has PHQ-9 and GAD-7 scores: each shows its latest score and band.
  for (const key of ['phq9', 'gad7']) {
    await expect(header.getByTestId(`headline-${key}`)).toContainText(/\d+(Minimal|Mild|Moderate|Moderately severe|Severe)/);
  }
  await expect(header.getByTestId('headline-alerts')).toContainText(/open alerts?|No open alerts/);
  await expect(sectionsNav(page).getByRole('link')).toHaveText(['Overview', 'Measures', 'Check-ins', 'Homework', /^Alerts/, 'Schedules']);
  await expectCurrent(page, 'Overview');
  await expect(page.getByRole('region', { name: 'Record' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
  // Only the chosen section is on the page.
  await expect(page.getByRole('region', { name: 'Homework', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Measure schedules' })).toHaveCount(0);
  await expect(page.getByTestId('checkin-chart')).toHaveCount(0);
  await expect(page.getByRole('form', { name: /Acknowledge alert/ })).toHaveCount(0);
});

test('each section has its own address: chosen by the tabs, kept on reload, reached with Back, opened directly', async ({ page }) => {
  const path = await openAlex(page);

  await sectionsNav(page).getByRole('link', { name: 'Measures' }).click();
  await expect(page).toHaveURL(`${path}?tab=measures`);
  await expectCurrent(page, 'Measures');
  await expect(page.getByTestId('measure-chart-PHQ-9').locator('svg').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Summary' })).toHaveCount(0);

  // The chart range stays within the section.
  await page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '1 year' }).click();
  await expect(page).toHaveURL(`${path}?tab=measures&range=1y`);
  await page.reload();
  await expectCurrent(page, 'Measures');
  await expect(page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '1 year' })).toHaveAttribute('aria-current', 'page');

  await sectionsNav(page).getByRole('link', { name: 'Homework' }).click();
  await expect(page).toHaveURL(`${path}?tab=homework`);
  await expect(page.getByRole('region', { name: 'Homework', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sent homework' })).toBeVisible();
  await expect(page.getByTestId('measure-chart-PHQ-9')).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(`${path}?tab=measures&range=1y`);
  await expectCurrent(page, 'Measures');

  // Opened directly, as from a bookmark or a shared link.
  await page.goto(`${path}?tab=schedules`);
  await expectCurrent(page, 'Schedules');
  await expect(page.getByRole('region', { name: 'Measure schedules' })).toBeVisible();
  await page.goto(`${path}?tab=checkins`);
  await expectCurrent(page, 'Check-ins');
  await expect(page.getByTestId('checkin-chart').locator('svg').first()).toBeVisible();
  await page.goto(`${path}?tab=alerts`);
  await expectCurrent(page, 'Alerts');
  await expect(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
  // An unknown section opens the overview.
  await page.goto(`${path}?tab=nothing-here`);
  await expectCurrent(page, 'Overview');
});

test('the header stays in view while a long section scrolls, and its alert count opens the alerts', async ({ page }) => {
  const path = await openAlex(page);
  await page.goto(`${path}?tab=measures&range=all`);
  await expect(page.getByTestId('measure-chart-PHQ-9').locator('svg').first()).toBeVisible();
  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
  const header = page.getByTestId('record-header');
  await expect(header).toBeInViewport();
  expect((await header.boundingBox())!.y).toBeLessThanOrEqual(1);
  await expect(header.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeInViewport();

  const alertsLink = header.getByTestId('headline-alerts').getByRole('link');
  if (await alertsLink.count()) {
    await alertsLink.click();
    await expect(page).toHaveURL(`${path}?tab=alerts`);
    await expectCurrent(page, 'Alerts');
  }
});
