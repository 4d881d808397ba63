import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

// After an action, focus stays where the person is: the pressed button is never disabled under them (it would drop
// focus to the page), a second press while it runs does nothing, and when the control is gone afterwards (an
// acknowledged alert leaves the inbox, "Pause" becomes "Resume") focus goes to what holds it, not to the document.

const tag = Date.now().toString(36);
const focusLost = (page: Page) => page.evaluate(() => !document.activeElement || document.activeElement === document.body);

test.describe('a therapist reviewing', () => {
  test.use({ storageState: storageState('therapist'), viewport: { width: 360, height: 740 } });

  test('a comment and a private note: focus kept through each save, a double-click saves once', async ({ page }) => {
    await page.goto('/submissions?status=submitted');
    await page.getByTestId('inbox-row').first().locator('a[href^="/submissions/"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // "Comment" opens the form with its field focused; saving closes it and gives focus back to "Comment".
    const open = page.getByRole('button', { name: /^Comment on: / }).first();
    const label = (await open.getAttribute('aria-label')) ?? '';
    await open.click();
    const field = page.getByRole('textbox', { name: /^Your comment on / });
    await expect(field).toBeFocused();
    const comment = `Well noticed (${tag}).`;
    await field.fill(comment);
    await page.getByRole('button', { name: 'Save comment' }).dblclick();
    await expect(page.getByRole('button', { name: label })).toBeFocused();
    await expect(page.getByText(comment)).toHaveCount(1);

    // The private note's button keeps focus while saving and after; the field is emptied; one note, not two.
    const note = `Private: follow up on sleep (${tag}).`;
    await page.getByRole('textbox', { name: 'Private note' }).fill(note);
    const save = page.getByRole('button', { name: 'Save private note' });
    await save.dblclick();
    await expect(page.getByText(note)).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: 'Private note' })).toHaveValue('');
    await expect(save).toBeFocused();
    await page.waitForTimeout(500);
    await expect(page.getByText(note)).toHaveCount(1);
  });

  test('a comment saved after the therapist has moved on to another answer leaves their focus where it is', async ({ page }) => {
    await page.goto('/submissions?status=submitted');
    await page.getByTestId('inbox-row').first().locator('a[href^="/submissions/"]').click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const buttons = page.getByRole('button', { name: /^Comment on: / });
    await expect(buttons.nth(1)).toBeVisible();
    const firstLabel = (await buttons.nth(0).getAttribute('aria-label')) ?? '';
    const secondLabel = (await buttons.nth(1).getAttribute('aria-label')) ?? '';
    // The first save answers only after the second comment is open and being written.
    let hold = () => {};
    const held = new Promise<void>((resolve) => (hold = resolve));
    await page.route('**/submissions/**', async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue().catch(() => {});
    });
    await page.getByRole('button', { name: firstLabel }).click();
    await page.getByRole('textbox', { name: /^Your comment on / }).fill(`First (${tag}).`);
    await page.getByRole('button', { name: 'Save comment' }).click();
    await page.getByRole('button', { name: secondLabel }).click();
    const second = page.getByRole('form', { name: secondLabel }).getByRole('textbox');
    await expect(second).toBeFocused();
    await second.pressSequentially('Second, ');
    hold();
    await expect(page.getByRole('button', { name: firstLabel })).toBeVisible();
    await page.waitForTimeout(300);
    await expect(second).toBeFocused();
    await second.pressSequentially('still here');
    await expect(second).toHaveValue('Second, still here');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  test('acknowledging an alert in the inbox: the alert leaves the list and focus stays on the list', async ({ page }) => {
    await page.goto('/alerts');
    const item = page.getByTestId('alert-item').filter({ has: page.getByRole('button', { name: 'Acknowledge' }) }).first();
    const form = item.getByRole('form');
    const name = (await form.getAttribute('aria-label')) ?? '';
    const before = await page.getByRole('form', { name }).count();
    await form.getByLabel('What was done').selectOption({ label: 'Contacted the client' });
    await form.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.getByRole('form', { name })).toHaveCount(before - 1);
    await expect(page.getByRole('list', { name: 'Alerts' })).toBeFocused();
  });
});

test.describe('an admin on a client record', () => {
  test.use({ storageState: storageState('admin') });

  test('pause and resume: focus stays in the status card, the status shown is the new one; saving the care team keeps focus', async ({ page }) => {
    // An active client's record: other specs pause, discharge and archive clients, so the list's last row may not be.
    await page.goto('/admin/clients?status=active');
    const recordLinks = page.locator('main a[href^="/admin/clients/"]').filter({ hasNotText: /^New client$/ });
    await expect(recordLinks.first()).toBeVisible();
    const links = await recordLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    const record = links.filter((href) => /^\/admin\/clients\/[0-9a-f-]{36}$/.test(href)).at(-1);
    expect(record, 'an active client on the admin list').toBeTruthy();
    await page.goto(record!);
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('Currently active');

    await status.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toContainText('Currently paused');
    await expect(status).toBeFocused();
    await status.getByRole('button', { name: 'Resume' }).click();
    await expect(status).toContainText('Currently active');
    await expect(status).toBeFocused();

    const saveTeam = page.getByRole('button', { name: 'Save care team' });
    const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/admin/clients/'));
    await saveTeam.click();
    await saved;
    await expect(saveTeam).toBeFocused();
    expect(await focusLost(page)).toBe(false);
  });
});
