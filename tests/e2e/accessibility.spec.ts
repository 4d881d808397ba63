import { expect, test } from '@playwright/test';
import { expectNoViolations, expectNoViolationsHere } from './axe';
import { storageState } from './support';

// WCAG 2.1 A and AA rules (./axe.ts) on every page a client or a signed-out visitor reaches, and the screens
// each clinic role uses most, in the light and the dark theme.
const UNUSABLE_TOKEN = 'A'.repeat(43);
const tag = Date.now().toString(36);

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

    test.describe('signed out', () => {
      for (const path of [
        '/login',
        '/signup',
        `/invite/${UNUSABLE_TOKEN}`,
        `/reset-password/${UNUSABLE_TOKEN}`,
        `/signup/confirm/${UNUSABLE_TOKEN}`,
        `/unsubscribe/${UNUSABLE_TOKEN}`,
      ]) {
        test(path.replace(UNUSABLE_TOKEN, '<unusable link>'), async ({ page }) => {
          await expectNoViolations(page, path);
        });
      }
      test('sign-in and sign-up refused, with their error summaries', async ({ page }) => {
        await page.goto('/login');
        await page.getByLabel('Email').fill('nobody@example.org');
        await page.getByLabel('Password').fill('not-a-password-here');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('alert').first()).toBeVisible();
        await expectNoViolationsHere(page, '/login refused');
        await page.goto('/signup');
        await page.getByRole('button', { name: 'Create practice' }).click();
        await expect(page.getByRole('alert').first()).toBeFocused();
        await expectNoViolationsHere(page, '/signup refused');
      });
      test('an invitation ready to accept', async ({ browser, page }) => {
        const admin = await browser.newContext({ storageState: storageState('admin') });
        const invite = await admin.newPage();
        await invite.goto('/admin/invitations');
        await invite.getByLabel('Email').fill(`axe.${colorScheme}.${tag}@clients.northside.example`);
        await invite.getByRole('radio', { name: /Therapist/ }).check();
        await invite.getByRole('button', { name: 'Send invitation' }).click();
        const link = new URL(await invite.getByTestId('shared-link').first().inputValue()).pathname;
        await admin.close();
        await expectNoViolations(page, link);
        await page.getByRole('button', { name: 'Create my account' }).click();
        await expect(page.getByRole('alert').first()).toBeFocused();
        await expectNoViolationsHere(page, `${link} refused`);
      });
      test('a password reset ready to use', async ({ browser, page }) => {
        // A live link, as the person it was sent to opens it: the admin sends one and passes it on.
        const admin = await browser.newContext({ storageState: storageState('admin') });
        const people = await admin.newPage();
        await people.goto('/admin/people');
        // Sam, a demo therapist: a reset link only replaces any earlier link, so nobody else's journey changes.
        const row = people.getByRole('row').filter({ hasText: 'Sam Whitfield' });
        await row.getByText('Manage').click();
        await row.getByRole('button', { name: 'Send password reset' }).click();
        const link = new URL(await row.getByTestId('shared-link').inputValue()).pathname;
        await admin.close();
        await page.goto(link);
        await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
        await expectNoViolationsHere(page, '/reset-password/<live link>');
        await page.getByRole('button', { name: /new password/i }).click();
        await expect(page.getByRole('alert').first()).toBeVisible();
        await expectNoViolationsHere(page, '/reset-password/<live link> refused');
      });
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
        '/portal/report',
        ...['gad7', 'who5', 'arsq', 'scssf'].map((m) => `/portal/measures/${m}`),
      ]) {
        test(path, async ({ page }) => {
          await expectNoViolations(page, path);
        });
      }
      test('a refused check-in, with its error summary', async ({ page }) => {
        await page.goto('/portal/check-in');
        await page.locator('#field-note').fill('x'.repeat(2001));
        await page.getByRole('button', { name: /^Save/ }).click();
        await expect(page.getByRole('alert').filter({ has: page.getByRole('link') })).toBeFocused();
        await expectNoViolationsHere(page, '/portal/check-in refused');
      });
      test('a homework item, with its set-aside form open', async ({ page }) => {
        await page.goto('/portal/homework');
        await page.getByRole('list', { name: 'Due now' }).getByTestId('homework-item').first().click();
        const setAside = page.getByTestId('set-aside');
        if ((await setAside.getAttribute('open')) === null) await setAside.locator('summary').click();
        await expectNoViolationsHere(page, page.url());
        // And with the dialog that asks before setting it aside (kept, so the item stays for other tests).
        await setAside.getByRole('button', { name: 'Set it aside' }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await expectNoViolationsHere(page, `${page.url()} with its dialog`);
        await page.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click();
      });
    });
  });
}
