import { expect, test } from '@playwright/test';
import { storageState } from './support';

/** The submissions inbox: filters kept in the URL, pages with a total, and an empty state that clears them. */

test.use({ storageState: storageState('therapist') });

test('filters by client and status, keeps them in the URL and across pages, and clears them', async ({ page }) => {
  await page.goto('/submissions');
  const rows = page.getByTestId('inbox-row');
  await expect(rows.first()).toBeVisible();
  const count = page.getByTestId('inbox-count');
  const everything = Number((await count.textContent())!.match(/^(\d+)/)![1]);

  // The demo caseload has more sent work than one page: pages keep their place in the URL.
  expect(everything).toBeGreaterThan(25);
  await expect(rows).toHaveCount(25);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(`Page 1 of ${Math.ceil(everything / 25)}`);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Older' }).click();
  await expect(page).toHaveURL(/\/submissions\?page=2$/);
  await expect(count).toContainText('showing 26–');

  const filters = page.getByRole('search');
  await filters.getByLabel('Client').selectOption({ label: 'Alex Rivera' });
  await filters.getByLabel('Status').selectOption({ label: 'Reviewed' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/submissions\?client=[0-9a-f-]{36}&exercise=&status=reviewed&from=&to=$/);
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  for (let i = 0; i < shown; i++) {
    await expect(rows.nth(i).getByRole('cell').first()).toHaveText('Alex Rivera');
    await expect(rows.nth(i).getByRole('cell').last()).toHaveText('Reviewed');
  }
  expect(Number((await count.textContent())!.match(/^(\d+)/)![1])).toBeLessThan(everything);

  // A reload (or a bookmark) shows the same view with the same choices.
  await page.reload();
  await expect(filters.getByLabel('Client')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(filters.getByLabel('Status')).toHaveValue('reviewed');
  await expect(rows).toHaveCount(shown);

  // Sent days outside anything on record: an empty state that offers to clear the filters.
  await filters.getByLabel('Sent from').fill('2099-01-01');
  await filters.getByLabel('Sent to').fill('2099-01-31');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2099-01-01&to=2099-01-31$/);
  await expect(page.getByText('No submissions match these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/submissions$/);
  await expect(rows).toHaveCount(25);
});
