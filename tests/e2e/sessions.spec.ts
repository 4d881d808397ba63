import { expect, test, type Browser } from '@playwright/test';
import { signIn } from './support';

// Priya is a demo therapist no other spec signs in as, so ending her sessions disturbs nobody.
const PRIYA = 'priya@northside.example';

async function signedInContext(browser: Browser, userAgent: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, userAgent });
  const page = await context.newPage();
  await signIn(page, PRIYA);
  await expect(page).toHaveURL(/\/caseload$/);
  return { context, page };
}

const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

test('a cookie copied before signing out no longer opens anything', async ({ browser }) => {
  const { context, page } = await signedInContext(browser, FIREFOX_ON_LINUX);
  const copied = await context.storageState();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);

  const thief = await browser.newContext({ storageState: copied });
  const stolen = await thief.newPage();
  await stolen.goto('/caseload');
  await expect(stolen).toHaveURL(/\/login$/);
  await context.close();
  await thief.close();
});

test('Account lists where a person is signed in, and ending another session signs that browser out', async ({ browser }) => {
  const laptop = await signedInContext(browser, FIREFOX_ON_LINUX);
  const phone = await signedInContext(browser, SAFARI_ON_IPHONE);
  await laptop.page.goto('/account');
  const list = laptop.page.getByRole('list', { name: 'Active sessions' });
  await expect(list.getByText('Firefox on Linux')).toBeVisible();
  await expect(list.getByText('This browser')).toBeVisible();
  await expect(list.getByText('Safari on iPhone')).toBeVisible();
  await list.getByRole('button', { name: /Sign out Safari on iPhone/ }).first().click();
  await expect(list.getByText('Safari on iPhone')).toHaveCount(0);

  await phone.page.goto('/caseload');
  await expect(phone.page).toHaveURL(/\/login$/);
  // The laptop carries on.
  await laptop.page.goto('/caseload');
  await expect(laptop.page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
  await laptop.context.close();
  await phone.context.close();
});
