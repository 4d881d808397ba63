import { expect, test, type Locator, type Page } from '@playwright/test';
import { storageState } from './support';

test.use({ storageState: storageState('admin') });

/** True when focus is inside the dialog, or nowhere in the page (the browser's own controls, past the last stop). */
async function focusStaysIn(page: Page, dialog: Locator): Promise<boolean> {
  const handle = await dialog.elementHandle();
  return page.evaluate((el) => {
    const active = document.activeElement;
    return !active || active === document.body || el!.contains(active);
  }, handle);
}

test('revoking an invitation asks first in a modal dialog: focus is held, Escape cancels, only the confirm acts', async ({ page }) => {
  const email = `dialog.${Date.now().toString(36)}@northside.example`;
  await page.goto('/admin/invitations');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('radio', { name: /Therapist/ }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('toast')).toContainText(/Invitation (created|emailed)\./);

  const row = page.getByTestId(`invitation-${email}`);
  await expect(row.getByText('Open', { exact: true })).toBeVisible();
  // No destructive button on the row itself: it sits in the row's menu.
  await expect(row.getByRole('button', { name: 'Revoke' })).toBeHidden();
  await row.getByText('Manage').click();
  const revoke = row.getByRole('button', { name: 'Revoke' });
  await revoke.click();

  const dialog = page.getByRole('dialog', { name: `Withdraw the link sent to ${email}? It stops working at once.` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  // The safe choice has focus; Tab moves through the dialog's buttons and never onto the page behind it.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Revoke' })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await focusStaysIn(page, dialog)).toBe(true);
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusStaysIn(page, dialog)).toBe(true);
  }

  // Escape closes it, gives focus back to the button that opened it, and withdraws nothing.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(revoke).toBeFocused();
  await page.reload();
  await expect(row.getByText('Open', { exact: true })).toBeVisible();

  // Confirming withdraws the link, and the outcome is announced without taking focus.
  await row.getByText('Manage').click();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('Withdrawn', { exact: true })).toBeVisible();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Link withdrawn.');
  await expect(page.getByRole('status').filter({ has: toast })).toHaveAttribute('aria-live', 'polite');
  expect(await toast.evaluate((el) => el.contains(document.activeElement))).toBe(false);
});

test.describe('as the therapist', () => {
  test.use({ storageState: storageState('therapist') });

  test('cancelling one homework item asks first: nothing changes until the confirm, Escape keeps it', async ({ page }) => {
    const marker = `Confirm-step check ${Date.now().toString(36)}.`;
    await page.goto('/caseload');
    await page.getByRole('link', { name: 'Amara Byrne' }).click();
    await expect(page.getByRole('heading', { name: 'Amara Byrne', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Homework' }).click();
    const homework = page.getByRole('region', { name: 'Homework', exact: true });
    await homework.getByText('Assign homework', { exact: true }).click();
    const form = homework.getByRole('form', { name: 'Assign homework' });
    await form.getByLabel('Exercise or measure').selectOption({ label: 'Journaling prompt' });
    await form.getByLabel('Prompt', { exact: true }).selectOption('bank_04');
    await form.getByLabel(/Instructions/).fill(marker);
    await form.getByRole('radio', { name: 'Weekly' }).check();
    await form.getByLabel('Number of times').fill('3');
    await form.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByTestId('toast')).toHaveText(/^Homework assigned\./);

    const item = homework.getByTestId('assignment').filter({ hasText: marker });
    const dueItems = item.getByRole('list', { name: 'Due items' });
    await expect(dueItems.getByText('Due', { exact: true })).toHaveCount(3);
    const cancelOne = item.getByRole('button', { name: /^Cancel the item due/ }).first();
    const when = ((await cancelOne.getAttribute('aria-label')) ?? '').replace('Cancel the item due ', '');
    await cancelOne.click();

    const dialog = page.getByRole('dialog', { name: `Cancel the item due ${when}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    // Opening the dialog cancelled nothing.
    await expect(dueItems.getByText('Cancelled', { exact: true })).toHaveCount(0);

    // Escape closes it, focus goes back to the item's button, and the item is still due, also after a reload.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cancelOne).toBeFocused();
    await page.reload();
    await expect(dueItems.getByText('Due', { exact: true })).toHaveCount(3);
    await expect(dueItems.getByText('Cancelled', { exact: true })).toHaveCount(0);

    // "Keep it" closes it too, and still nothing is cancelled.
    await cancelOne.click();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog).toBeHidden();
    await expect(dueItems.getByText('Cancelled', { exact: true })).toHaveCount(0);

    // Only the confirm cancels, and only that one item.
    await cancelOne.click();
    await dialog.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast')).toContainText('Item cancelled.');
    await expect(dueItems.getByText('Due', { exact: true })).toHaveCount(2);
    await expect(dueItems.getByText('Cancelled', { exact: true })).toHaveCount(1);
    await expect(dueItems.getByText(when, { exact: true }).locator('..').getByText('Cancelled', { exact: true })).toBeVisible();
  });
});
