import { expect, test, type Page, type Request } from '@playwright/test';
import { assignThoughtRecord, storageState } from './support';

/**
 * Homework saves itself as a draft (app/portal/homework/[occurrenceId]/complete-exercise.tsx): once typing has
 * paused (not at every keystroke), again when the connection comes back after failing offline, and at once
 * when the page is hidden, so a phone locked mid-answer loses nothing.
 */

const isDraftSave = (request: Request) =>
  request.method() === 'POST' && Boolean(request.headers()['next-action']) && new URL(request.url()).pathname.startsWith('/portal/homework/');

async function openAssigned(page: Page, marker: string) {
  await page.goto('/portal/homework');
  const links = page.getByTestId('homework-item').filter({ hasText: 'Thought record' });
  await expect(links.first()).toBeVisible();
  const hrefs = (await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))).filter((h): h is string => Boolean(h));
  for (const href of hrefs) {
    await page.goto(href);
    if ((await page.getByTestId('therapist-instructions').innerText()).includes(marker)) return;
  }
  throw new Error('the thought record just assigned is not in the client’s homework');
}

test('homework drafts save after a pause, retry after going offline, and save at once when the page is hidden', async ({ browser }) => {
  test.setTimeout(150_000);
  const marker = `Autosave ${Date.now().toString(36)}`;
  const therapistContext = await browser.newContext({ storageState: storageState('therapist') });
  await assignThoughtRecord(await therapistContext.newPage(), marker);
  await therapistContext.close();

  const context = await browser.newContext({ storageState: storageState('client') });
  const page = await context.newPage();
  await openAssigned(page, marker);
  const status = page.getByTestId('save-status');
  const saves: Request[] = [];
  page.on('request', (request) => {
    if (isDraftSave(request)) saves.push(request);
  });

  // Debounce: typing steadily sends nothing; one save follows the pause.
  const situation = page.getByLabel('What happened?');
  await situation.pressSequentially('A friend cancelled our plans again', { delay: 60 });
  await expect(status).toHaveAttribute('data-state', 'unsaved');
  expect(saves).toHaveLength(0);
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  expect(saves).toHaveLength(1);

  // Offline: the save fails, the page says so and keeps the answer; back online it is sent by itself.
  await context.setOffline(true);
  await situation.fill('A friend cancelled our plans again, by text, an hour before.');
  await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await expect(situation).toHaveValue('A friend cancelled our plans again, by text, an hour before.');
  await context.setOffline(false);
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByLabel('What happened?')).toHaveValue('A friend cancelled our plans again, by text, an hour before.');

  // Hidden (the phone locked, the tab switched): saved at once, well before the pause would have sent it.
  const feeling = page.getByRole('group', { name: 'What did you feel, and how strongly?' }).getByRole('textbox', { name: 'Feeling (Emotion 1)' });
  await feeling.fill('let down');
  const saved = page.waitForRequest(isDraftSave, { timeout: 800 });
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await saved;
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'What did you feel, and how strongly?' }).getByRole('textbox', { name: 'Feeling (Emotion 1)' }),
  ).toHaveValue('let down');
  await context.close();
});
