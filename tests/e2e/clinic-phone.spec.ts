import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

// The clinic on a 360-px phone: no page scrolls sideways (wide tables scroll inside their own frame).
// The portal's pages are checked in phone.spec.ts, the roster's fit in roster-fit.spec.ts.

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectEachFits(page: Page, paths: string[]) {
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const by = await sideways(page);
    if (by > 0) wide.push(`${path} scrolls ${by}px sideways`);
  }
  expect(wide).toEqual([]);
}

test.describe('the clinic at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test.describe('a therapist', () => {
    test.use({ storageState: storageState('therapist') });
    test('caseload, a client record, alerts, library, submissions and one submission, account', async ({ page }) => {
      await page.goto('/submissions');
      const submission = (await page.getByTestId('inbox-row').first().locator('a[href^="/submissions/"]').getAttribute('href')) ?? '';
      const record = (await page.getByTestId('inbox-row').first().locator('a[href^="/clients/"]').getAttribute('href')) ?? '';
      await expectEachFits(page, ['/caseload', record, '/alerts', '/library', '/library/new', '/submissions', submission, '/account']);
    });
  });

  test.describe('an admin', () => {
    test.use({ storageState: storageState('admin') });
    test('every admin page and a client record', async ({ page }) => {
      await page.goto('/admin/clients');
      const hrefs = await page.locator('main a[href^="/admin/clients/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      const record = hrefs.find((href) => /^\/admin\/clients\/[0-9a-f-]{36}$/.test(href)) ?? '';
      await expectEachFits(page, ['/admin', '/admin/people', '/admin/clients', '/admin/clients/new', record, '/admin/invitations', '/admin/settings', '/admin/audit', '/account']);
    });
  });
});
