import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { storageState } from './support';

// /test-fault and /portal/test-fault fail on purpose on the test server only (MEND_TEST_FAULTS, lib/runtime/test-faults.ts).

test.describe('a clinic page that fails', () => {
  test.use({ storageState: storageState('therapist') });

  test('shows the clinic error page with the reference, inside the navigation', async ({ page }) => {
    // No status check: where a loading state streams first, the 200 is already sent when the page fails.
    await page.goto('/test-fault');
    const boundary = page.getByTestId('error-boundary');
    await expect(boundary.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expect(boundary.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();
    // Next's digest of the error: the reference the server log carries beside the route.
    await expect(page.getByTestId('error-reference')).toHaveText(/^[0-9A-Za-z@_-]{6,}$/);
    await expect(page.getByText('This page failed on purpose')).toHaveCount(0);
    await expect(boundary.getByRole('link', { name: 'Back to the caseload' })).toHaveAttribute('href', '/caseload');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload' })).toBeVisible();
    await expect(page.getByTestId('crisis-panel')).toHaveCount(0);
  });
});

test.describe('a portal page that fails', () => {
  test.use({ storageState: storageState('client') });

  test('keeps the crisis panel on screen beside the reference', async ({ page }) => {
    await page.goto('/portal/test-fault');
    const boundary = page.getByTestId('error-boundary');
    await expect(boundary.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();
    await expect(page.getByTestId('error-reference')).toHaveText(/^[0-9A-Za-z@_-]{6,}$/);
    const panel = page.getByTestId('crisis-panel');
    await expect(panel.getByRole('heading', { name: 'If you need help now' })).toBeVisible();
    await expect(panel.getByRole('link', { name: /^Call / }).first()).toHaveAttribute('href', /^tel:/);
    await expect(page.getByText('This page failed on purpose')).toHaveCount(0);
  });
});

// A real page failing on the server, as a failed read would (the `page` test fault, lib/runtime/test-faults.ts), reached
// by a client-side navigation. Once the fault is gone, "Try again" must fetch the page anew from the server and show
// it in place: no full reload (a mark left on the window survives) and focus on the recovered page's heading.
async function failThenRecover(page: Page, context: BrowserContext, baseURL: string | undefined, from: string, link: string, heading: RegExp) {
  await page.goto(from);
  await page.evaluate(() => Object.assign(window, { __notReloaded: true }));
  await context.addCookies([{ name: 'mend-test-fault', value: 'page', url: baseURL }]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  const boundary = page.getByTestId('error-boundary');
  await expect(boundary.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();
  await expect(page.getByTestId('error-reference')).toHaveText(/^[0-9A-Za-z@_-]{6,}$/);
  expect(await page.locator('main').innerText()).not.toMatch(/failed on purpose|MEND_TEST_FAULTS|Error:|\bat .+\(|\.tsx?:\d+|node_modules/);

  // While the fault lasts, trying again fails again, and says so.
  await boundary.getByRole('button', { name: 'Try again' }).click();
  await expect(boundary.getByRole('heading', { name: 'Something went wrong' })).toBeFocused();

  await context.clearCookies({ name: 'mend-test-fault' });
  await boundary.getByRole('button', { name: 'Try again' }).click();
  const recovered = page.getByRole('heading', { name: heading, level: 1 });
  await expect(recovered).toBeVisible();
  await expect(page.getByTestId('error-boundary')).toHaveCount(0);
  await expect(recovered).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
}

test.describe('try again, once the fault is gone', () => {
  test.describe('in the clinic', () => {
    test.use({ storageState: storageState('therapist') });
    test('the caseload comes back from the server in place', async ({ page, context, baseURL }) => {
      await failThenRecover(page, context, baseURL, '/alerts', 'Caseload', /^My caseload$/);
      await expect(page.getByRole('link', { name: 'Alex Rivera' }).first()).toBeVisible();
    });
  });

  test.describe('in the portal', () => {
    test.use({ storageState: storageState('client') });
    test('the home page comes back from the server in place, the crisis panel gone with the error', async ({ page, context, baseURL }) => {
      await failThenRecover(page, context, baseURL, '/portal/progress', 'Home', /^Hello, Alex$/);
      await expect(page.getByRole('heading', { name: 'Your care team' })).toBeVisible();
    });
  });
});

test.describe('a failure in the root layout', () => {
  test.use({ storageState: storageState('client') });

  test('shows the global error page: a plain message and a way to retry, no stack trace and nothing of the client', async ({ page, context, baseURL }) => {
    // The cookie makes the root layout itself fail (lib/runtime/test-faults.ts), so no layout of the app is left to render.
    await context.addCookies([{ name: 'mend-test-fault', value: 'root-layout', url: baseURL }]);
    await page.goto('/portal');
    const boundary = page.getByTestId('error-boundary');
    await expect(boundary.getByRole('heading', { name: 'Something went wrong', level: 1 })).toBeFocused();
    await expect(boundary).toContainText('Please try again.');
    await expect(page.getByTestId('error-reference')).toHaveText(/^[0-9A-Za-z@_-]{6,}$/);
    await expect(page).toHaveTitle('Something went wrong · Mend');
    const text = await page.locator('body').innerText();
    // Neither the error's message nor a stack frame, and nothing that names the signed-in client.
    expect(text).not.toMatch(/failed on purpose|MEND_TEST_FAULTS|Error:|\bat .+\(|\.tsx?:\d+|node_modules/);
    expect(text).not.toMatch(/Alex|Rivera|@clients\./);

    // Once the fault is gone, "Try again" brings the page back.
    await context.clearCookies({ name: 'mend-test-fault' });
    await boundary.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check-in' })).toBeVisible();
    await expect(page.getByTestId('error-boundary')).toHaveCount(0);
  });
});
