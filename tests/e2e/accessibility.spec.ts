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

// Every clinic page each role reaches; the first test of each role checks the navigation offers no page left out.
const CLINIC_PAGES = {
  therapist: ['/caseload', '/alerts', '/library', '/library/new', '/submissions', '/account'],
  admin: [
    '/caseload',
    '/alerts',
    '/library',
    '/library/new',
    '/admin',
    '/admin/people',
    '/admin/clients',
    '/admin/clients/new',
    '/admin/invitations',
    '/admin/settings',
    '/admin/audit',
    '/account',
  ],
} satisfies Record<string, string[]>;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('sign-in page', async ({ page }) => {
      await expectNoViolations(page, '/login');
    });

    for (const role of ['therapist', 'admin'] as const) {
      test.describe(role, () => {
        test.use({ storageState: storageState(role) });
        const pages = CLINIC_PAGES[role];

        test('the sweep covers every page in the clinic navigation', async ({ page }) => {
          await page.goto('/account');
          const nav = await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link')
            .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
          expect(nav.filter((href) => !pages.includes(href!))).toEqual([]);
        });
        for (const path of pages) {
          test(path, async ({ page }) => {
            await expectNoViolations(page, path);
          });
        }
        test('a client page with charts, every section, and its report', async ({ page }) => {
          test.slow(); // seven pages in one test
          await page.goto('/caseload');
          const href = await page
            .getByRole('table')
            .getByRole('link', { name: 'Alex Rivera' })
            .first()
            .getAttribute('href');
          for (const tab of ['', '?tab=measures', '?tab=checkins', '?tab=homework', '?tab=alerts', '?tab=schedules']) {
            await expectNoViolations(page, `${href!}${tab}`);
          }
          await expectNoViolations(page, `${href!}/report`);
        });
        test('an exercise, a custom exercise and its editor', async ({ page }) => {
          test.slow(); // three pages in one test
          await page.goto('/library');
          const first = await page.getByRole('link', { name: /^Preview and assign/ }).first().getAttribute('href');
          await expectNoViolations(page, first!);
          await expectNoViolations(page, '/library/custom_0de0000001');
          await expectNoViolations(page, '/library/custom_0de0000001/edit');
        });
        test('an open confirmation dialog', async ({ page }) => {
          await page.goto('/library/custom_0de0000001');
          await page.getByRole('button', { name: 'Archive' }).click();
          await expect(page.getByRole('dialog')).toBeVisible();
          await expectNoViolationsHere(page, 'the archive confirmation');
          await page.keyboard.press('Escape');
        });
        if (role === 'therapist') {
          test('a submission under review', async ({ page }) => {
            await page.goto('/submissions');
            const first = await page.locator('a[href^="/submissions/"]').first().getAttribute('href');
            await expectNoViolations(page, first!);
          });
        } else {
          test('a client record in administration', async ({ page }) => {
            await page.goto('/admin/clients');
            const first = await page.getByRole('table').getByRole('link').first().getAttribute('href');
            await expectNoViolations(page, first!);
          });
          test('a member menu open on People', async ({ page }) => {
            await page.goto('/admin/people');
            await page.getByText('Manage').first().click();
            await expectNoViolationsHere(page, '/admin/people (menu open)');
          });
        }
      });
    }

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
