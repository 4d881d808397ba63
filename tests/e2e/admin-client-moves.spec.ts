import { expect, test } from '@playwright/test';
import { storageState } from './support';

// An admin moves a client between therapists and archives the record. A refused move keeps every choice made
// (the clients ticked, who they leave), with the reason beside the field; the list shows the new care team at once.
// The client is made here, so no other spec's caseload changes.

test.use({ storageState: storageState('admin') });

const tag = Date.now().toString(36);
const first = `Mover${tag}`;
const name = `${first} Tester`;

test('move a client from one therapist to another (a refusal keeps the choices), then archive the record', async ({ page }) => {
  await page.goto('/admin/clients/new');
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill('Tester');
  await page.getByRole('checkbox', { name: 'Dana Reyes' }).check();
  await page.getByRole('button', { name: 'Create client record' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  await page.goto('/admin/clients');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Dana Reyes');
  const moveForm = page.getByRole('group', { name: 'Move the selected clients' });
  await row.getByRole('checkbox', { name: `Select ${name}` }).check();
  await moveForm.getByLabel('From (leaves the care team)').selectOption({ label: 'Dana Reyes' });

  // No one to move to: refused beside "To", and what was chosen is still chosen.
  await moveForm.getByRole('button', { name: 'Move selected' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Move them' }).click();
  const to = moveForm.getByLabel('To (joins the care team)');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#move-to-error')).toHaveText('Choose who the clients move to.');
  await expect(row.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();
  await expect(moveForm.getByLabel('From (leaves the care team)').locator('option:checked')).toHaveText('Dana Reyes');

  await to.selectOption({ label: 'Sam Whitfield' });
  // Enter in one of the form's fields moves no one: only "Move them", in the dialog, does.
  const tick = row.getByRole('checkbox', { name: `Select ${name}` });
  await tick.focus();
  await tick.press('Enter');
  await tick.press('Enter');
  await page.waitForTimeout(1_500);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(row).toContainText('Dana Reyes');
  await expect(row).not.toContainText('Sam Whitfield');
  await moveForm.getByRole('button', { name: 'Move selected' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1 client joins Sam Whitfield’s care team and leaves Dana Reyes’s.');
  await dialog.getByRole('button', { name: 'Move them' }).click();
  await expect(row).toContainText('Sam Whitfield');
  await expect(row).not.toContainText('Dana Reyes');
  await expect(page.locator('#move-to-error')).toHaveCount(0);

  // Archive: only from discharged, after a confirmation; the record then leaves the list.
  await row.getByRole('link', { name }).click();
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByRole('button', { name: 'Discharge' }).click();
  await expect(status).toContainText('Currently discharged');
  await status.getByRole('button', { name: 'Archive' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(status).toContainText('Currently archived');
  await expect(status.getByRole('button', { name: 'Restore from archive' })).toBeVisible();
  await page.goto('/admin/clients');
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});
