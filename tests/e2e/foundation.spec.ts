import { expect, test } from '@playwright/test';
import { DEMO, signIn, storageState } from './support';

test.describe('sign-in', () => {
  test('shows the demo logins and refuses a wrong password with the generic message', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Demo logins' })).toBeVisible();
    await signIn(page, DEMO.therapist, 'not-the-password');
    await expect(page.getByTestId('form-error')).toHaveText('That email and password do not match an active account.');
    await expect(page.getByLabel('Email')).toHaveValue(DEMO.therapist);
    await signIn(page, 'nobody@northside.example', 'not-the-password');
    await expect(page.getByTestId('form-error')).toHaveText('That email and password do not match an active account.');
  });

  test('a signed-out visitor is sent to sign in', async ({ page }) => {
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe('therapist', () => {
  test.use({ storageState: storageState('therapist') });

  test('lands on the caseload and sees only their care team', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
    // Dana treats every third demo client (Alex Rivera, Riley Gallagher, …); Sam and Priya treat the others.
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: 'Alex Rivera' })).toBeVisible();
    await expect(table.getByRole('link', { name: 'Riley Gallagher' })).toBeVisible();
    await expect(table.getByText('Jordan Moreau')).toHaveCount(0);
    await expect(table.getByText('Sam Sato')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' })).toHaveCount(0);
  });

  test('cannot open the admin page or the portal', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('admin@northside.example')).toHaveCount(0);
    await page.goto('/portal');
    await expect(page).toHaveURL(/\/caseload$/);
  });
});

test.describe('admin', () => {
  test.use({ storageState: storageState('admin') });

  test('lands on the Overview, and People shows the practice, not the other practice', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(page).toHaveURL(/\/admin\/people$/);
    await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
    await expect(page.getByText('dana@northside.example')).toBeVisible();
    await expect(page.getByText('admin@riverbend.example')).toHaveCount(0);
  });
});

test.describe('client', () => {
  test.use({ storageState: storageState('client') });

  test('lands in the portal with their care team', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole('heading', { name: 'Hello, Alex' })).toBeVisible();
    await expect(page.getByText('Dana Reyes')).toBeVisible();
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/portal$/);
  });
});

test('changing the password signs out the other session', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  // Riverbend's therapist: no other test signs in as them, so changing their password disturbs nothing.
  const email = 'owen@riverbend.example';
  await signIn(a, email);
  await expect(a).toHaveURL(/\/caseload$/);
  await signIn(b, email);
  await expect(b).toHaveURL(/\/caseload$/);

  await a.goto('/account');
  await a.getByLabel('Current password').fill('mend-demo-password');
  await a.getByLabel('New password', { exact: true }).fill('a-brand-new-password-2026');
  await a.getByLabel('Repeat the new password').fill('a-brand-new-password-2026');
  await a.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Password changed' })).toBeVisible();

  await a.goto('/caseload');
  await expect(a).toHaveURL(/\/caseload$/);
  await b.goto('/caseload');
  await expect(b).toHaveURL(/\/login$/);
  await first.close();
  await second.close();
});
