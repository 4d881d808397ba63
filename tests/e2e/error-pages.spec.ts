import { expect, test } from '@playwright/test';
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
