import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

// WCAG 2.1 A and AA rules, on the screens each role uses most, in the light and the dark theme.
async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expectNoViolationsHere(page, path);
}

async function expectNoViolationsHere(page: Page, path: string) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`,
  );
  expect(summary, `${path}\n${summary.join('\n')}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('sign-in page', async ({ page }) => {
      await expectNoViolations(page, '/login');
    });

    test.describe('therapist', () => {
      test.use({ storageState: storageState('therapist') });
      for (const path of ['/caseload', '/alerts', '/library', '/submissions', '/account']) {
        test(path, async ({ page }) => {
          await expectNoViolations(page, path);
        });
      }
      test('a client page with charts, every section', async ({ page }) => {
        await page.goto('/caseload');
        const href = await page
          .getByRole('table')
          .getByRole('link', { name: 'Alex Rivera' })
          .first()
          .getAttribute('href');
        for (const tab of ['', '?tab=measures', '?tab=checkins', '?tab=homework', '?tab=alerts', '?tab=schedules']) {
          await expectNoViolations(page, `${href!}${tab}`);
        }
      });
    });

    test.describe('admin', () => {
      test.use({ storageState: storageState('admin') });
      for (const path of ['/admin', '/admin/people', '/admin/clients', '/admin/settings', '/admin/audit']) {
        test(path, async ({ page }) => {
          await expectNoViolations(page, path);
        });
      }
    });

    test.describe('client on a phone', () => {
      test.use({ storageState: storageState('client'), viewport: { width: 360, height: 740 } });
      for (const path of [
        '/portal',
        '/portal/check-in',
        '/portal/measures/phq9',
        '/portal/homework',
        '/portal/progress',
        '/portal/history',
        '/portal/account',
        '/portal/reminders',
      ]) {
        test(path, async ({ page }) => {
          await expectNoViolations(page, path);
        });
      }
      test('a homework item, with its set-aside form open', async ({ page }) => {
        await page.goto('/portal/homework');
        await page.getByRole('list', { name: 'Due now' }).getByTestId('homework-item').first().click();
        const setAside = page.getByTestId('set-aside');
        if ((await setAside.getAttribute('open')) === null) await setAside.locator('summary').click();
        await expectNoViolationsHere(page, page.url());
      });
    });
  });
}
