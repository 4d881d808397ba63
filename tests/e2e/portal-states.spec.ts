import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from './support';

async function as(browser: Browser, role: 'therapist' | 'client'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

test('a sent journal entry shows as sent after Back and Forward, and its statuses follow the send and the revision', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = `Back and forward ${Date.now()}`;
  const client = await as(browser, 'client');

  // Open a journaling item from Today the way a person does: by tapping it (a client-side navigation).
  await client.goto('/portal/homework');
  const due = client.getByRole('list', { name: 'Due now' });
  await due.getByTestId('homework-item').filter({ hasText: 'Journaling prompt' }).first().click();
  await expect(client).toHaveURL(/\/portal\/homework\/[0-9a-f-]{36}$/);
  const itemUrl = client.url();
  await client.getByLabel('Write here').fill(`${marker}: it went better than I feared.`);
  await expect(client.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await client.reload();
  await expect(client.getByText('Started', { exact: true })).toBeVisible();

  await client.getByRole('button', { name: 'Send to my therapist' }).click();
  await expect(client.getByTestId('submitted-message')).toContainText('Sent to your therapist.');
  // The status beside the title follows the send: "Started" does not stay.
  await expect(client.getByText('Sent — waiting for review', { exact: true })).toBeVisible();
  await expect(client.getByText('Started', { exact: true })).toHaveCount(0);

  // Back to the list: the item is no longer waiting there.
  await client.goBack();
  await expect(client).toHaveURL(/\/portal\/homework$/);
  await expect(client.locator(`a[href="${new URL(itemUrl).pathname}"]`)).toHaveCount(0);
  // Forward again: the item shows as sent, never as a blank form "saved as you type".
  await client.goForward();
  await expect(client).toHaveURL(itemUrl);
  await expect(client.getByTestId('sent-note').or(client.getByTestId('submitted-message'))).toBeVisible();
  await expect(client.getByText(marker)).toBeVisible();
  await expect(client.getByLabel('Write here')).toHaveCount(0);
  await expect(client.getByText('Your answers are saved as you type.')).toHaveCount(0);
  // And once more from the browser's history after a full load elsewhere.
  await client.goto('/portal/history');
  await client.goBack();
  await expect(client.getByTestId('sent-note')).toBeVisible();
  await expect(client.getByRole('textbox')).toHaveCount(0);

  // The therapist asks for another look.
  const therapist = await as(browser, 'therapist');
  await therapist.goto('/submissions');
  const row = therapist.getByTestId('inbox-row').filter({ hasText: 'Alex Rivera' }).filter({ hasText: 'Journaling prompt' }).first();
  await row.getByRole('link', { name: 'Journaling prompt' }).click();
  await expect(therapist.getByText(marker)).toBeVisible();
  await therapist.getByRole('button', { name: 'Ask to revise' }).click();
  await expect(therapist.getByText('You asked the client to revise this.')).toBeVisible();

  // The client sees the banner and badge, revises, and both go at once.
  await client.goto('/portal/homework');
  const revise = client.getByRole('list', { name: 'Asked to revise' });
  await revise.locator(`a[href="${new URL(itemUrl).pathname}"]`).click();
  const banner = client.getByText('Your therapist asked you to take another look.');
  await expect(banner).toBeVisible();
  await expect(client.getByText('Asked to revise', { exact: true })).toBeVisible();
  await client.getByLabel('Write here').fill(`${marker}: and I said so kindly.`);
  await client.getByRole('button', { name: 'Send revised version' }).click();
  await expect(client.getByTestId('submitted-message')).toContainText('revised version 2');
  await expect(banner).toHaveCount(0);
  await expect(client.getByText('Asked to revise', { exact: true })).toHaveCount(0);
  await expect(client.getByText('Sent — waiting for review', { exact: true })).toBeVisible();
  await client.goBack();
  await expect(client).toHaveURL(/\/portal\/homework$/);
  await expect(client.getByRole('list', { name: 'Asked to revise' }).locator(`a[href="${new URL(itemUrl).pathname}"]`)).toHaveCount(0);
  await client.goForward();
  await expect(client.getByTestId('sent-note')).toContainText('version 2');
  await expect(client.getByRole('textbox')).toHaveCount(0);
});

test('past-due homework is never a wall of Overdue: old items wait quietly apart, and one can be set aside for the therapist to see', async ({ browser }) => {
  const reason = `A hard week ${Date.now()}`;
  const client = await as(browser, 'client');
  await client.goto('/portal/homework');
  await expect(client.getByRole('heading', { name: 'Due now' })).toBeVisible();
  await expect(client.getByText(/overdue/i)).toHaveCount(0);
  // Nothing in the day's list is past the grace period; whatever is, sits under its own quiet heading.
  await expect(client.getByRole('list', { name: 'Due now' }).locator('[data-standing="missed"]')).toHaveCount(0);
  const missed = client.getByRole('list', { name: 'Went by without being sent' }).getByTestId('homework-item');
  const late = client.getByRole('list', { name: 'Due now' }).locator('[data-standing="late"], [data-standing="open"]');
  const item = (await missed.count()) ? missed.first() : late.first();
  const href = await item.getAttribute('href');
  await item.click();

  const setAside = client.getByTestId('set-aside');
  if ((await setAside.getAttribute('open')) === null) await setAside.locator('summary').click();
  await client.getByLabel(/Why, if you would like to say/).fill(reason);
  await setAside.getByRole('button', { name: 'Set it aside' }).click();
  // Setting aside cannot be undone: a dialog asks once more, keeping the item being the first choice.
  const confirm = client.getByRole('dialog', { name: 'Set this one aside?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await expect(client.getByTestId('set-aside-note')).toHaveCount(0);
  await setAside.getByRole('button', { name: 'Set it aside' }).click();
  await confirm.getByRole('button', { name: 'Set it aside' }).click();
  await expect(client.getByTestId('set-aside-note')).toContainText(reason);
  await expect(client.getByText('Set aside', { exact: true })).toBeVisible();
  await expect(client.getByRole('textbox')).toHaveCount(0);
  await client.goto('/portal/homework');
  await expect(client.locator(`a[href="${href}"]`)).toHaveCount(0);

  // The therapist sees it on the client's homework, with the reason.
  const therapist = await as(browser, 'therapist');
  await therapist.goto('/caseload');
  await therapist.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(therapist.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible();
  await therapist.goto(`${new URL(therapist.url()).pathname}?tab=homework`);
  await expect(therapist.getByTestId('set-aside-notes').filter({ hasText: reason })).toHaveCount(1);
});
