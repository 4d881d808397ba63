import { expect, test, type Locator } from '@playwright/test';
import { assignThoughtRecord, holdScripts, openAssignedItem, storageState } from './support';

/**
 * On a slow phone the server-rendered form is on screen, and usable, before its JavaScript has run. What the
 * person does in that time must survive hydration and reach the form's state, its autosave and what it sends
 * (app/_components/adopt-early-input.ts). Here the page's scripts are held back until the test lets them go.
 */

/** React has taken over `field` (its props are attached to the element). */
const isHydrated = (field: Locator) =>
  field.evaluate((el) => Object.keys(el).some((key) => key.startsWith('__reactProps')));
const hydrated = (field: Locator) => expect.poll(() => isHydrated(field), { timeout: 30_000 }).toBe(true);

test.use({ storageState: storageState('client') });

test('a check-in filled in before the page has hydrated keeps its answers and sends them', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/portal/check-in', { waitUntil: 'commit' });
  const mood = page.getByLabel('Mood', { exact: true });
  await expect(mood).toBeVisible();
  await mood.focus();
  await mood.press('Home');
  for (let i = 0; i < 3; i += 1) await mood.press('ArrowRight');
  await page.getByLabel('Distress', { exact: true }).fill('40');
  await page.getByRole('group', { name: 'Window of tolerance' }).getByText('Within my window', { exact: true }).click();
  await page
    .getByRole('group', { name: 'Any thoughts of harming yourself today?' })
    .getByText('No', { exact: true })
    .click();
  await expect(mood).toHaveValue('3');
  // Nothing has run yet: the written value beside the slider is still the server's.
  expect(await isHydrated(mood)).toBe(false);

  await release();
  await hydrated(mood);
  // Taken into the form's state (the value beside each slider is drawn from it), not drawn back over.
  await expect(page.locator('output[for="field-mood"]')).toHaveText('3 / 10');
  await expect(page.locator('output[for="field-distress"]')).toHaveText('40 / 100');
  await expect(mood).toHaveValue('3');
  await expect(page.getByLabel('Distress', { exact: true })).toHaveValue('40');
  await expect(page.getByRole('radio', { name: /Within my window/ })).toBeChecked();

  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByTestId('toast')).toContainText(/check-in/);
  await page.reload();
  await expect(page.locator('output[for="field-mood"]')).toHaveText('3 / 10');
  await expect(page.locator('output[for="field-distress"]')).toHaveText('40 / 100');
});

test('homework typed before the page has hydrated is saved as a draft', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const marker = `Early ${Date.now().toString(36)}`;
  const therapist = await browser.newContext({ storageState: storageState('therapist') });
  await assignThoughtRecord(await therapist.newPage(), marker);
  await therapist.close();
  const href = await openAssignedItem(page, 'Thought record', marker);

  const release = await holdScripts(page);
  await page.goto(href, { waitUntil: 'commit' });
  const situation = page.getByLabel('What happened?');
  // Streamed content is in the page, hidden, before it is shown: a field focused there loses focus when it moves.
  await expect(situation).toBeVisible();
  await situation.pressSequentially('The bus left without me', { delay: 20 });
  await expect(situation).toHaveValue('The bus left without me');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'idle');
  expect(await isHydrated(situation)).toBe(false);

  await release();
  await hydrated(situation);
  await expect(situation).toHaveValue('The bus left without me');
  await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await page.reload();
  await expect(page.getByLabel('What happened?')).toHaveValue('The bus left without me');
});

test('a measure answered before the page has hydrated keeps the answer and saves it', async ({ page }) => {
  const release = await holdScripts(page);
  // The WHO-5, whose draft no other spec reads (the PHQ-9's decides where those specs start).
  await page.goto('/portal/measures/who5', { waitUntil: 'commit' });
  // An answer the saved draft (if any, from an earlier run) does not already hold.
  const choice = (await page.locator('#q1-2').isChecked()) ? 'q1-1' : 'q1-2';
  const first = page.locator(`#${choice}`);
  await page.locator(`label[for="${choice}"]`).click();
  await expect(first).toBeChecked();
  expect(await isHydrated(first)).toBe(false);

  await release();
  await hydrated(first);
  await expect(page.getByText('Answers saved')).toBeVisible({ timeout: 15_000 });
  await expect(first).toBeChecked();
  await page.reload();
  await expect(page.locator(`#${choice}`)).toBeChecked();
});

test('a report summary written before the page has hydrated is the one printed', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('therapist') });
  const page = await context.newPage();
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await page.getByRole('link', { name: 'Progress report and data' }).click();
  await expect(page).toHaveURL(/\/report$/);
  const address = page.url();

  const release = await holdScripts(page);
  await page.goto(address, { waitUntil: 'commit' });
  const summary = page.getByLabel(/Write a summary to print/);
  await summary.fill('Steady progress this month.');
  expect(await isHydrated(summary)).toBe(false);

  await release();
  await hydrated(summary);
  await expect(summary).toHaveValue('Steady progress this month.');
  await expect(page.getByTestId('printed-summary')).toHaveText('Steady progress this month.');
  await context.close();
});

test('what the browser puts back on Back is not taken as entered now', async ({ page }) => {
  // Back to a page that was left re-fetches it (it is never cached), and the browser would put the fields back as
  // they were left: a check-in note left unsaved, or yesterday's answers on today's form. None of it was entered now.
  await page.goto('/portal/check-in');
  const note = page.locator('#field-note');
  await hydrated(note);
  const count = page.locator('#note-count');
  const drawnNote = await note.inputValue();
  const drawnCount = (await count.textContent()) ?? '';
  await note.fill(`${drawnNote} left unsaved`);
  await expect(count).not.toHaveText(drawnCount);

  await page.goto('/portal');
  // As on a slow phone: the page is parsed (and anything put back is in place) before its scripts run.
  const release = await holdScripts(page);
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.locator('#field-note')).toBeVisible();
  await page.waitForLoadState('domcontentloaded');
  await release();
  await hydrated(page.locator('#field-note'));
  await page.waitForTimeout(300);
  await expect(page.locator('#note-count')).toHaveText(drawnCount);
  await expect(page.locator('#field-note')).toHaveValue(drawnNote);
});

test('a form that lets the browser put its fields back adopts none of them on Back', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('therapist') });
  const page = await context.newPage();
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await page.getByRole('link', { name: 'Progress report and data' }).click();
  await expect(page).toHaveURL(/\/report$/);
  const summary = page.getByLabel(/Write a summary to print/);
  await hydrated(summary);
  const left = `Left unprinted ${Date.now().toString(36)}`;
  await summary.fill(left);
  await expect(page.getByTestId('printed-summary')).toHaveText(left);

  await page.goto('/caseload');
  const release = await holdScripts(page);
  await page.goBack({ waitUntil: 'commit' });
  await expect(page.getByLabel(/Write a summary to print/)).toBeVisible();
  await page.waitForLoadState('domcontentloaded');
  await release();
  await hydrated(page.getByLabel(/Write a summary to print/));
  await page.waitForTimeout(300);
  await expect(page.getByTestId('printed-summary')).not.toHaveText(left);
  await context.close();
});
