import { type Browser, expect, test } from '@playwright/test';
import { storageState, signIn } from './support';

// One of Dana's demo clients (every third client is hers), kept apart from the clients other specs use.
const CLIENT_EMAIL = 'taylor.fischer@clients.northside.example';
const CLIENT_NAME = 'Taylor Fischer';
const SAFETY_TITLE = 'Check-in: thoughts of self-harm';

/** The client answers "yes" to the daily safety question, which raises an urgent alert for the care team. */
async function raiseUrgentAlertAsClient(browser: Browser) {
  // A fresh, signed-out context: the describe's therapist session must not carry over.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, CLIENT_EMAIL);
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto('/portal/check-in');
  // Saved by the form's script: a Save pressed before the page has hydrated would not reach it.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Mood', { exact: true }).fill('3');
  await page.getByLabel('Distress', { exact: true }).fill('70');
  await page.getByRole('group', { name: 'Window of tolerance' }).getByText('Overwhelmed', { exact: true }).click();
  await page.getByRole('group', { name: 'Any thoughts of harming yourself today?' }).getByText('Yes', { exact: true }).click();
  await page.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByTestId('toast').filter({ hasText: /check-in/ })).toBeVisible();
  await context.close();
}

// The admin check reuses the client page the therapist test opened.
let clientPath: string | null = null;
test.describe.configure({ mode: 'serial' });

test.describe('alerts inbox', () => {
  test.use({ storageState: storageState('therapist') });

  test('the therapist sees the urgent alert, opens the client page with charts and tables, and acknowledges it', async ({ page, browser }) => {
    await raiseUrgentAlertAsClient(browser);

    await page.goto('/caseload');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
    const item = page.getByTestId('alert-item').filter({ hasText: CLIENT_NAME }).filter({ hasText: SAFETY_TITLE });
    await expect(item).toHaveCount(1);
    await expect(item.getByText('Urgent', { exact: true })).toBeVisible();
    await expect(page.getByText('About these alerts: known limits')).toBeVisible();

    // The client page shows the same alert (its header counts it) and the check-in chart with its table view.
    await item.getByRole('link', { name: CLIENT_NAME }).click();
    await expect(page.getByRole('heading', { name: CLIENT_NAME, level: 1 })).toBeVisible();
    // The inbox's link opens the record on its alerts section, with this alert in it.
    await expect(page).toHaveURL(/\/clients\/[0-9a-f-]{36}\?tab=alerts$/);
    await expect(page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: /^Alerts/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('region', { name: 'Alerts' }).getByTestId('alert-item').filter({ hasText: SAFETY_TITLE })).toHaveCount(1);
    clientPath = new URL(page.url()).pathname;
    const sections = page.getByRole('navigation', { name: 'Record sections' });
    await expect(page.getByTestId('headline-alerts')).toContainText(/\d+ open alerts? \(\d+ urgent\)/);
    await sections.getByRole('link', { name: /^Alerts/ }).click();
    const alertsCard = page.getByRole('region', { name: 'Alerts' });
    await expect(alertsCard.getByTestId('alert-item').filter({ hasText: SAFETY_TITLE })).toHaveCount(1);
    await sections.getByRole('link', { name: 'Check-ins' }).click();
    await expect(page.getByTestId('checkin-chart').locator('svg').first()).toBeVisible();
    await page.getByText('Table view: check-ins').click();
    const table = page.getByRole('table', { name: /Daily check-ins in the selected range/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Overwhelmed' }).first()).toBeVisible();

    // The range switch is kept in the URL.
    await page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '30 days' }).click();
    await expect(page).toHaveURL(/\?tab=checkins&range=30d$/);
    await expect(page.getByRole('navigation', { name: 'Chart range' }).getByRole('link', { name: '30 days' })).toHaveAttribute('aria-current', 'page');

    // Back in the inbox: "no action needed" needs a reason, shown beside the field; then acknowledge properly.
    await page.goto('/alerts');
    const open = page.getByTestId('alert-item').filter({ hasText: CLIENT_NAME }).filter({ hasText: SAFETY_TITLE });
    await open.getByLabel('What was done').selectOption({ label: 'No action needed' });
    await open.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(open.getByText('Say why no action is needed.')).toBeVisible();
    await expect(open.getByLabel('What was done')).toHaveValue('no_action_needed');

    await open.getByLabel('What was done').selectOption({ label: 'Contacted the client' });
    await open.getByLabel(/^Note/).fill('Called; safe, session booked.');
    await open.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.getByTestId('alert-item').filter({ hasText: CLIENT_NAME }).filter({ hasText: SAFETY_TITLE })).toHaveCount(0);

    // On the client page it is now in the acknowledged history, with what was done.
    await page.goto(`${clientPath}?tab=alerts`);
    const history = page.getByRole('region', { name: 'Alerts' });
    await history.getByText(/Acknowledged alerts/).click();
    await expect(history.getByText(/Contacted the client/).first()).toBeVisible();
  });
});

test.describe('alerts for an admin', () => {
  test.use({ storageState: storageState('admin') });

  test('sees the escalation view and no clinical sections on a client off their care team', async ({ page }) => {
    await page.goto('/alerts');
    await expect(page.getByRole('heading', { name: 'Urgent, unacknowledged over 24 hours' })).toBeVisible();
    expect(clientPath).toMatch(/^\/clients\//);
    await page.goto(clientPath!);
    await expect(page.getByRole('heading', { name: CLIENT_NAME, level: 1 })).toBeVisible();
    await expect(page.getByText('You are not on this client’s care team, so their clinical content is not shown.')).toBeVisible();
    // No clinical section is offered, and asking for one by its address shows the overview instead.
    const sections = page.getByRole('navigation', { name: 'Record sections' });
    await expect(sections.getByRole('link')).toHaveText(['Overview', 'Homework']);
    await expect(page.getByTestId('headline-alerts')).toHaveCount(0);
    for (const tab of ['alerts', 'measures', 'checkins', 'schedules']) {
      await page.goto(`${clientPath}?tab=${tab}`);
      await expect(sections.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('region', { name: 'Alerts' })).toHaveCount(0);
      await expect(page.getByTestId('checkin-chart')).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { name: 'Trends' })).toHaveCount(0);
    for (const section of ['Alerts', 'Summary', 'Daily check-ins', 'Measure schedules']) {
      await expect(page.getByRole('region', { name: section })).toHaveCount(0);
    }
    await expect(page.getByTestId('checkin-chart')).toHaveCount(0);
    await expect(page.getByRole('table', { name: /check-ins|Patient Health Questionnaire/ })).toHaveCount(0);
  });
});
