import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoViolationsInBothThemes } from './axe';
import { signIn, storageState } from './support';

const PASSWORD = 'lantern-orchard-river-57';
const tag = Date.now().toString(36);

async function inviteTherapist(browser: Browser, admin: 'admin' | 'otherAdmin', email: string): Promise<string> {
  const context = await browser.newContext({ storageState: storageState(admin) });
  const page = await context.newPage();
  await page.goto('/admin/invitations');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('radio', { name: /Therapist/ }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const field = page.getByTestId('shared-link').first();
  await expect(field).toBeVisible();
  const link = new URL(await field.inputValue()).pathname;
  await context.close();
  return link;
}

async function workingIn(page: Page, practice: string) {
  await page.goto('/account');
  await expect(page.getByText(`You are working in ${practice}.`)).toBeVisible();
}

test('a therapist in two practices joins the second with the same login, picks a practice after signing in and switches from Account', async ({ browser }) => {
  test.setTimeout(150_000); // two invitations, three sign-ins, and axe in both themes on the pages between
  const email = `two.practices.${tag}@example.org`;

  // Northside invites a new therapist, who makes their one login.
  const northsideLink = await inviteTherapist(browser, 'admin', email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(northsideLink);
  await expectNoViolationsInBothThemes(page, 'an invitation for a new login');
  await page.getByLabel('Your name').fill(`Jo Two ${tag}`);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/caseload$/);

  // Riverbend invites the same address: the link says it has an account and asks for its password, not a new one.
  const riverbendLink = await inviteTherapist(browser, 'otherAdmin', email);
  await page.goto(riverbendLink);
  await expect(page.getByText('This email already has a Mend account')).toBeVisible();
  await expect(page.getByLabel('Choose a password')).toHaveCount(0);
  await expectNoViolationsInBothThemes(page, 'an invitation for an existing login');
  await page.getByLabel('Password of your Mend account').fill('not-the-right-password-1');
  await page.getByRole('button', { name: 'Sign in and join Riverbend Therapy' }).click();
  await expect(page.getByText('That is not the password of this Mend account.').first()).toBeVisible();
  await page.getByLabel('Password of your Mend account').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in and join Riverbend Therapy' }).click();

  // With two practices, the practice is picked after signing in.
  await expect(page).toHaveURL(/\/choose-practice$/);
  const list = page.getByRole('list', { name: 'Your practices' });
  await expect(list.getByText('Northside Counselling', { exact: true })).toBeVisible();
  await expect(list.getByText('Riverbend Therapy', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Open Riverbend Therapy' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await workingIn(page, 'Riverbend Therapy');
  // Riverbend's caseload is theirs alone: none of Northside's clients is listed.
  await page.goto('/caseload');
  await expect(page.getByRole('link', { name: 'Alex Rivera' })).toHaveCount(0);

  // Switching from Account moves this session to Northside.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Open Northside Counselling' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await workingIn(page, 'Northside Counselling');

  // Signing in afresh asks again.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await signIn(again, email, PASSWORD);
  await expect(again).toHaveURL(/\/choose-practice$/);
  await expectNoViolationsInBothThemes(again, '/choose-practice');
  await again.getByRole('button', { name: 'Open Northside Counselling' }).click();
  await expect(again).toHaveURL(/\/caseload$/);

  await Promise.all([context.close(), fresh.close()]);
});
