import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

const PORTAL_PAGES = [
  '/portal',
  '/portal/check-in',
  '/portal/homework',
  '/portal/history',
  '/portal/progress',
  '/portal/account',
  '/portal/reminders',
  '/portal/report',
  ...['phq9', 'gad7', 'who5', 'arsq', 'scssf'].map((m) => `/portal/measures/${m}`),
];

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('the portal on a 360-px phone', () => {
  test.use({
    storageState: storageState('client'),
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });

  test('no portal page scrolls sideways, and every destination is on the tab bar at the bottom', async ({ page }) => {
    test.setTimeout(180_000);
    // Every homework item the client can reach from their list, as well as the fixed pages.
    await page.goto('/portal/homework');
    const items = await page.getByTestId('homework-item').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    expect(items.length).toBeGreaterThan(0);
    for (const path of [...PORTAL_PAGES, ...new Set(items)]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.goto('/portal');
    const tabs = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Home', 'Check-in', 'Homework', 'History', 'My progress', 'Account']) {
      const link = tabs.getByRole('link', { name, exact: true });
      await expect(link).toBeInViewport({ ratio: 1 });
    }
    // Every label reads in full: nothing cut short with an ellipsis.
    const clipped = await tabs
      .getByRole('link')
      .evaluateAll((links) =>
        links.filter((a) => [...a.querySelectorAll('span')].some((s) => s.offsetParent !== null && s.scrollWidth > s.clientWidth)).map((a) => a.textContent),
      );
    expect(clipped).toEqual([]);
    const box = await tabs.boundingBox();
    expect(box!.y + box!.height).toBeGreaterThan(700);
    await tabs.getByRole('link', { name: 'My progress', exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/progress$/);
    await expect(tabs.getByRole('link', { name: 'My progress', exact: true })).toHaveAttribute('aria-current', 'page');
    // Reminders are a setting, one tap from Account.
    await tabs.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('link', { name: 'Choose your reminders' }).click();
    await expect(page).toHaveURL(/\/portal\/reminders$/);
  });

  test('a refused form moves focus to a summary at the top that leads to each field', async ({ page }) => {
    await page.goto('/portal/account');
    await page.getByRole('button', { name: /change password/i }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link') });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    const first = summary.getByRole('link').first();
    const label = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
  });
});

test.describe('refusals on a phone are on screen', () => {
  test.use({
    storageState: storageState('client'),
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });

  test('an empty check-in, an unfinished exercise and a too-long reason each show their error where the eye is', async ({ page }) => {
    await page.goto('/portal/check-in');
    // Refused whether or not today's check-in already exists (an earlier spec may have saved one, which
    // fills the form): a note one character past its 2,000 is refused either way.
    await page.locator('#field-note').fill('x'.repeat(2001));
    await page.getByRole('button', { name: /^Save/ }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link') });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();

    await page.goto('/portal/homework');
    await page.getByRole('list', { name: 'Due now' }).getByTestId('homework-item').filter({ hasText: 'Journaling prompt' }).first().click();
    await page.getByLabel('Write here').fill('');
    await page.getByRole('button', { name: 'Send to my therapist' }).click();
    const formError = page.getByTestId('form-error');
    await expect(formError).toBeFocused();
    await expect(formError).toBeInViewport();
    await page.getByTestId('exercise-form-errors').getByRole('link').first().click();
    await expect(page.getByLabel('Write here')).toBeInViewport();

    const setAside = page.getByTestId('set-aside');
    if ((await setAside.getAttribute('open')) === null) await setAside.locator('summary').click();
    await page.getByLabel(/Why, if you would like to say/).fill('x'.repeat(501));
    await setAside.getByRole('button', { name: 'Set it aside' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Set it aside' }).click();
    const refused = setAside.getByRole('alert').first();
    await expect(refused).toBeInViewport();
    await expect(setAside.getByText('Keep it to 500 characters or fewer.')).toBeVisible();
    await expect(page.getByLabel(/Why, if you would like to say/)).toHaveValue('x'.repeat(501));
  });
});

test.describe('signed out on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('sign-in, sign-up and a link that no longer works fit the screen, and a refusal leads to each field', async ({ page }) => {
    for (const path of ['/login', '/signup', `/invite/${'A'.repeat(43)}`]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await horizontalOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Create practice' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link') });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await summary.getByRole('link', { name: 'Your name' }).click();
    await expect(page.getByLabel('Your name')).toBeFocused();
    await expect(page.getByLabel('Your name')).toBeInViewport();
  });
});

test.describe('the PHQ-9 on a phone', () => {
  test.use({
    storageState: storageState('client'),
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });

  test('a blank question 9 gets its own gentle word before sending, and leads back to it', async ({ page }) => {
    await page.goto('/portal/measures/phq9');
    const progress = page.getByTestId('measure-progress');
    const choose = (label: string) => page.getByText(label, { exact: true }).filter({ visible: true }).click();
    // Start from question 1 whatever an earlier visit left as a draft.
    while ((await progress.textContent()) !== 'Question 1 of 10')
      await page.getByRole('button', { name: 'Back' }).click();
    for (let n = 1; n <= 8; n++) {
      await expect(progress).toHaveText(`Question ${n} of 10`);
      await choose('Not at all');
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(progress).toHaveText('Question 10 of 10');
    await choose('Not difficult at all');
    await page.getByRole('button', { name: 'Submit PHQ-9' }).click();

    const prompt = page.getByTestId('safety-item-prompt');
    await expect(prompt).toBeFocused();
    await expect(prompt).toContainText('question 9 is still blank');
    await expect(prompt).toContainText("You don't have to answer it.");
    await expect(page.getByTestId('measure-saved')).toHaveCount(0);

    await prompt.getByRole('button', { name: 'Answer question 9' }).click();
    await expect(progress).toHaveText('Question 9 of 10');
    await expect(page.getByRole('radio', { name: 'Not at all' })).toBeFocused();
    await choose('Not at all');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Submit PHQ-9' }).click();
    await expect(page.getByTestId('measure-saved')).toContainText('your PHQ-9 is saved');
  });
});

test.describe('installable and recognisable', () => {
  test('the favicon, app icons and web app manifest are served to anyone', async ({ request }) => {
    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toContain('image/');
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    const body = await manifest.json();
    expect(body.name).toBe('Mend');
    expect(body.start_url).toBe('/portal');
    expect(body.display).toBe('standalone');
    for (const icon of body.icons as { src: string }[]) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    expect((await request.get('/apple-icon.png')).status()).toBe(200);
  });
});

test.describe('the dark theme', () => {
  test.use({ storageState: storageState('therapist') });

  test('follows the device by default, and a choice on Account sticks across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/account');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkByDevice = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const lightByDevice = await background();
    expect(darkByDevice).not.toBe(lightByDevice);

    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(darkByDevice);
    await page.goto('/caseload');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(darkByDevice);

    await page.goto('/account');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await page.getByRole('radio', { name: 'Same as this device' }).check();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
    expect(await background()).toBe(lightByDevice);
  });
});
