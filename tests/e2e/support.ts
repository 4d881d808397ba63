import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'mend-demo-password';
export const DEMO = {
  admin: 'admin@northside.example',
  therapist: 'dana@northside.example',
  client: 'alex.rivera@clients.northside.example',
  otherAdmin: 'admin@riverbend.example',
} as const;

export const storageState = (role: keyof typeof DEMO) => `tests/e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens, in the client's portal, the homework item titled `title` whose therapist instructions carry `marker`
 * (the list may hold other items of the same exercise), and returns its address; throws when none does.
 */
export async function openAssignedItem(page: Page, title: string, marker: string): Promise<string> {
  await page.goto('/portal/homework');
  const links = page.getByTestId('homework-item').filter({ hasText: title });
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')));
  for (const href of hrefs) {
    if (!href) continue;
    await page.goto(href);
    const instructions = page.getByTestId('therapist-instructions');
    if ((await instructions.count()) && (await instructions.innerText()).includes(marker)) return href;
  }
  throw new Error(`the ${title.toLowerCase()} carrying "${marker}" is not in this client’s homework`);
}

/** As the therapist: assigns Alex Rivera a weekly thought record whose instructions carry `marker`. */
export async function assignThoughtRecord(page: Page, marker: string) {
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Homework' }).click();
  const assign = page.getByRole('form', { name: 'Assign homework' });
  if (!(await assign.isVisible())) await page.getByText('Assign homework', { exact: true }).click();
  await assign.getByLabel('Exercise or measure').selectOption('exercise:thought_record');
  await assign.getByLabel(/^Instructions/).fill(`${marker}: one moment from today.`);
  await assign.getByLabel('Weekly').check();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByTestId('toast')).toHaveText(/^Homework assigned\./);
}

/**
 * Holds every script chunk back until the returned function is called; later loads go through at once. The
 * stylesheet is let through: a pending stylesheet also holds back the inline scripts that reveal streamed content.
 */
export async function holdScripts(page: Page): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**/*.js', async (route) => {
    await released;
    await route.continue().catch(() => {});
  });
  return async () => {
    release();
    await page.unrouteAll({ behavior: 'wait' });
  };
}
