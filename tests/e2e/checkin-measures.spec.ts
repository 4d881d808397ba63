import { expect, test } from '@playwright/test';
import { storageState } from './support';

test.describe('client on a phone', () => {
  test.use({
    storageState: storageState('client'),
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
  });

  test('completes a check-in, then a PHQ-9 with item 9 = 2 and sees the crisis panel', async ({ page }) => {
    await page.goto('/portal');
    const today = page.getByTestId('today-checkin');
    await expect(today).toContainText('Not done yet today');
    await today.getByRole('link', { name: 'Check in now' }).click();
    await expect(page.getByRole('heading', { name: 'Daily check-in' })).toBeVisible();

    // Required fields untouched: refused, with the errors beside them, and focus moves to a summary at the top
    // that leads to each field (on a phone the fields are a screen away from the button).
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect(page.getByText('Mood must be a whole number from 0 to 10.')).toBeVisible();
    await expect(page.getByText('Choose where you are in your window of tolerance.')).toBeVisible();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link', { name: 'Mood' }) });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await summary.getByRole('link', { name: 'Window of tolerance' }).click();
    await expect(page.getByRole('radio').first()).toBeFocused();

    await page.getByLabel('Mood', { exact: true }).fill('6');
    await expect(page.locator('output[for="field-mood"]')).toHaveText('6 / 10');
    await expect(page.getByText('Mood must be a whole number from 0 to 10.')).toHaveCount(0);
    await expect(summary.getByRole('link', { name: 'Mood' })).toHaveCount(0);
    await page.getByLabel('Distress', { exact: true }).fill('30');
    await expect(page.locator('output[for="field-distress"]')).toHaveText('30 / 100');
    await page.getByText('Within my window', { exact: true }).click();
    await expect(
      page.getByText('Inside the window: able to feel what is happening and still think and choose.'),
    ).toBeVisible();
    await page.getByText('No', { exact: true }).click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    // Saved: said in a polite toast, and focus stays where the person is (on the form's button).
    const toast = page.getByTestId('toast');
    await expect(toast).toContainText('your check-in for today is saved');
    await expect(toast).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeFocused();
    await expect(page.getByTestId('crisis-panel')).toHaveCount(0);

    // Reopening shows today's answers ready to edit.
    await page.goto('/portal/check-in');
    await expect(page.getByText('You already checked in today.')).toBeVisible();
    await expect(page.locator('output[for="field-mood"]')).toHaveText('6 / 10');

    await page.goto('/portal/measures/phq9');
    await expect(page.getByRole('heading', { name: 'PHQ-9' })).toBeVisible();
    await expect(page.getByTestId('measure-attribution')).toContainText('Developed by Drs. Robert L. Spitzer');
    const progress = page.getByTestId('measure-progress');
    const choose = async (label: string) => {
      await page.getByText(label, { exact: true }).filter({ visible: true }).click();
    };

    await expect(progress).toHaveText('Question 1 of 10');
    await expect(page.getByText('Little interest or pleasure in doing things')).toBeVisible();
    for (let n = 1; n <= 3; n++) {
      await choose('Not at all');
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await expect(page.getByText('Answers saved')).toBeVisible();

    // Leaving and coming back keeps the answers: the form resumes at the first unanswered question.
    await page.reload();
    await expect(progress).toHaveText('Question 4 of 10');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(progress).toHaveText('Question 3 of 10');
    await expect(page.getByRole('radio', { name: 'Not at all' })).toBeChecked();
    await page.getByRole('button', { name: 'Next' }).click();

    for (let n = 4; n <= 8; n++) {
      await expect(progress).toHaveText(`Question ${n} of 10`);
      await choose('Not at all');
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await expect(progress).toHaveText('Question 9 of 10');
    await expect(
      page.getByText('Thoughts that you would be better off dead or of hurting yourself in some way'),
    ).toBeVisible();
    await choose('More than half the days');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(progress).toHaveText('Question 10 of 10');
    await choose('Somewhat difficult');
    await page.getByRole('button', { name: 'Submit PHQ-9' }).click();

    const panel = page.getByTestId('crisis-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'If you need help now' })).toBeFocused();
    await expect(panel).toContainText('Call or text 988');
    await expect(panel).toContainText('Text HOME to 741741');
    await expect(panel).toContainText('Call 911 if you are in immediate danger');
    await expect(panel).toContainText('116 123');
    await expect(panel).toContainText('This portal is not watched around the clock.');
    await expect(page.getByTestId('measure-saved')).toContainText('your PHQ-9 is saved');

    // Nothing is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto('/portal');
    await expect(page.getByTestId('today-checkin')).toContainText('Done for today');

    // My progress reads the new PHQ-9 against the start in plain words.
    await page.getByRole('link', { name: 'My progress' }).first().click();
    await expect(page.getByTestId('progress-summary-phq9')).toContainText(
      /^Your PHQ-9 has dropped \d+ points since you started/,
    );
  });
});
