import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

/**
 * The assign form on a client's record: a refused date is flagged beside the date and loses nothing, a one-off
 * asks for its due date, a repeat can run until stopped, and instructions belong to the exercise they were
 * written for.
 */

test.use({ storageState: storageState('therapist') });

/** A client of the therapist's other than the ones the other specs assign to. */
async function openHomework(page: Page) {
  await page.goto('/caseload?sort=name');
  const links = page.getByRole('table').locator('a[href^="/clients/"]');
  await expect(links.first()).toBeVisible();
  const href = await links.last().getAttribute('href');
  await page.goto(`${href}?tab=homework`);
  const homework = page.getByRole('region', { name: 'Homework', exact: true });
  await homework.getByText('Assign homework', { exact: true }).click();
  return { homework, form: homework.getByRole('form', { name: 'Assign homework' }) };
}

function tomorrowOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('a past date is refused beside the date, and the exercise, instructions and schedule stay as chosen', async ({ page }) => {
  const { form } = await openHomework(page);
  await form.getByLabel('Exercise or measure').selectOption('exercise:thought_record');
  await form.getByLabel(/^Instructions/).fill('Pick one moment from this week.');
  // A one-off asks for the day it is due.
  await expect(form.getByLabel('Due date')).toBeVisible();
  await expect(form.getByLabel('Start date')).toHaveCount(0);
  await form.getByLabel('Due date').fill('2020-01-06');
  await form.getByLabel('Due time').fill('19:30');
  await form.getByRole('button', { name: 'Assign' }).click();

  await expect(form.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Due date')).toHaveAccessibleDescription('That due date has passed. Choose today or a later day.');
  await expect(form.getByLabel('Due time')).not.toHaveAttribute('aria-invalid', 'true');
  // The summary at the top links to the date by its label.
  await expect(form.getByRole('alert')).toBeFocused();
  await form.getByRole('alert').getByRole('link', { name: /Due date/ }).click();
  await expect(form.getByLabel('Due date')).toBeFocused();
  // Nothing chosen was lost.
  await expect(form.getByLabel('Exercise or measure')).toHaveValue('exercise:thought_record');
  await expect(form.getByLabel(/^Instructions/)).toHaveValue('Pick one moment from this week.');
  await expect(form.getByLabel('Due date')).toHaveValue('2020-01-06');
  await expect(form.getByLabel('Due time')).toHaveValue('19:30');
  await expect(form.getByRole('radio', { name: 'Once' })).toBeChecked();
});

test('a weekly assignment runs until stopped by default, and the form starts fresh after assigning', async ({ page }) => {
  const { homework, form } = await openHomework(page);
  const marker = `Until stopped ${Date.now()}`;
  await form.getByLabel('Exercise or measure').selectOption('exercise:thought_record');
  await form.getByLabel(/^Instructions/).fill(marker);
  await form.getByRole('radio', { name: 'Weekly' }).check();
  await expect(form.getByLabel('Start date')).toBeVisible();
  const ends = form.getByRole('group', { name: 'Ends' });
  await expect(ends.getByRole('radio', { name: 'Until stopped' })).toBeChecked();
  const start = tomorrowOf(await form.getByLabel('Start date').inputValue());
  await form.getByLabel('Start date').fill(start);
  await form.getByRole('button', { name: 'Assign' }).click();
  // The outcome shows as a toast (a polite status that does not take focus).
  await expect(page.getByTestId('toast')).toHaveText(/^Homework assigned\./);

  const item = homework.getByTestId('assignment').filter({ hasText: marker });
  await expect(item.getByText(/Weekly, until stopped/)).toBeVisible();
  await expect(item.getByText('and 49 more')).toBeVisible();

  // The next assignment starts blank: no exercise, no instructions carried over, a one-off again.
  await expect(form.getByLabel('Exercise or measure')).toHaveValue('');
  await expect(form.getByLabel(/^Instructions/)).toHaveValue('');
  await expect(form.getByRole('radio', { name: 'Once' })).toBeChecked();
});

test('instructions belong to the exercise they were written for; a typed end count chooses that ending', async ({ page }) => {
  const { form } = await openHomework(page);
  const exercise = form.getByLabel('Exercise or measure');
  const instructions = form.getByLabel(/^Instructions/);
  await exercise.selectOption('exercise:thought_record');
  await instructions.fill('For the thought record only.');
  await exercise.selectOption('measure:phq9');
  await expect(instructions).toHaveValue('');
  await exercise.selectOption('exercise:thought_record');
  await expect(instructions).toHaveValue('For the thought record only.');

  await form.getByRole('radio', { name: 'Daily' }).check();
  const ends = form.getByRole('group', { name: 'Ends' });
  await ends.getByLabel('Number of times').fill('5');
  await expect(ends.getByRole('radio', { name: 'After' })).toBeChecked();
  await expect(ends.getByRole('radio', { name: 'Until stopped' })).not.toBeChecked();
});
