import { expect, test, type Page } from '@playwright/test';
import { assignThoughtRecord, holdScripts, openAssignedItem, storageState } from './support';

/**
 * The portal's forms work before their script has run (a slow phone) and without one: sent then, they post to
 * their action natively, the answers are checked and stored as when sent by script, and the page that comes back
 * shows the result, or the refusal beside the field with everything entered still in place.
 */

test.use({ storageState: storageState('client') });

/**
 * Holds the response to the next native post of `path` until the returned `letGo` is called, after the server has
 * answered it (the post is stored by then): a Save pressed again meanwhile is a double tap on a slow connection.
 */
async function holdFirstPost(page: Page, path: string) {
  let arrived = () => {};
  const stored = new Promise<void>((resolve) => (arrived = resolve));
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  let first = true;
  await page.route(`**${path}`, async (route) => {
    if (route.request().method() !== 'POST' || !first) return route.fallback();
    first = false;
    const response = await route.fetch();
    arrived();
    await held;
    await route.fulfill({ response }).catch(() => {});
  });
  return { stored, letGo };
}

test('a check-in saved before the page has hydrated is stored, refused beside the field, and stored once', async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto('/portal/check-in', { waitUntil: 'commit' });
  const mood = page.getByLabel('Mood', { exact: true });
  await expect(mood).toBeVisible();
  // A mood other than the one drawn (today's earlier check-in, if any), so the saved one is this one.
  const target = (await mood.inputValue()) === '2' ? 6 : 2;
  await mood.focus();
  await mood.press('Home');
  for (let i = 0; i < target; i += 1) await mood.press('ArrowRight');
  await page.getByLabel('Distress', { exact: true }).fill('70');
  await page.getByRole('group', { name: 'Window of tolerance' }).getByText('Overwhelmed', { exact: true }).click();
  await page
    .getByRole('group', { name: 'Any thoughts of harming yourself today?' })
    .getByText('No', { exact: true })
    .click();
  await page.getByText('Time outside', { exact: true }).click();
  const tooLong = 'x'.repeat(2001);
  await page.locator('#field-note').fill(tooLong);
  await page.getByRole('button', { name: /^Save/ }).click();

  // Refused beside the note, nothing lost: every answer is drawn again as it was sent.
  await expect(page.locator('#note-error')).toContainText('at most 2000 characters');
  await expect(page.locator('#field-note')).toHaveValue(tooLong);
  await expect(page.locator('#field-note')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('output[for="field-mood"]')).toHaveText(`${target} / 10`);
  await expect(page.locator('output[for="field-distress"]')).toHaveText('70 / 100');
  await expect(page.getByRole('radio', { name: /Overwhelmed/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Time outside' })).toBeChecked();
  await expect(page.getByTestId('form-error')).toBeVisible();

  // Fixed and saved, with Save pressed again while the first answer is on its way.
  const note = `Slow phone ${Date.now().toString(36)}`;
  await page.locator('#field-note').fill(note);
  const post = await holdFirstPost(page, '/portal/check-in');
  // The first press's page never comes while it is held: the test does not wait for it.
  await page.getByRole('button', { name: /^Save/ }).click({ noWaitAfter: true });
  await post.stored;
  // Pressed again (it has focus): a locator would wait for the held page first.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('delivery-recovered')).toHaveText('This was already saved — nothing was saved twice.');
  await expect(page.getByTestId('toast')).toContainText(/check-in/);
  post.letGo();

  await page.goto('/portal/check-in', { waitUntil: 'commit' });
  await expect(page.locator('output[for="field-mood"]')).toHaveText(`${target} / 10`);
  await expect(page.locator('output[for="field-distress"]')).toHaveText('70 / 100');
  await expect(page.locator('#field-note')).toHaveValue(note);
  await expect(page.getByRole('checkbox', { name: 'Time outside' })).toBeChecked();
  await release();
});

/*
 * The page's scripts are held back for good (never hydrated). Its inline scripts still run: they reveal the
 * content Next streams in after the loading state, which a browser with JavaScript turned off never shows.
 */
test.describe('before hydration', () => {
  test('a slider left where it rests is no answer: it is not stored as one', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/portal/check-in', { waitUntil: 'commit' });
    // Sent natively every range input sends a value: one drawn unset still is after the save, not its resting value.
    const optional = ['sleepHours', 'feltConnected', 'feltRejected'];
    for (const name of optional) await expect(page.locator(`output[for="field-${name}"]`)).toHaveText('Not set');
    await page.getByLabel('Distress', { exact: true }).fill('30');
    await page.getByRole('button', { name: /^Save/ }).click();
    await expect(page.getByTestId('toast')).toContainText("Today's check-in is updated.");
    await expect(page.locator('output[for="field-distress"]')).toHaveText('30 / 100');
    for (const name of optional) await expect(page.locator(`output[for="field-${name}"]`)).toHaveText('Not set');
    await release();
  });

  test('a questionnaire answered and sent is stored once and scored', async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto('/portal/measures/who5', { waitUntil: 'commit' });
    for (let q = 1; q <= 5; q += 1) await page.locator(`label[for="q${q}-3"]`).click();
    const post = await holdFirstPost(page, '/portal/measures/who5');
    await page.getByRole('button', { name: 'Submit WHO-5' }).click({ noWaitAfter: true });
    await post.stored;
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('measure-saved')).toContainText('Thank you — your WHO-5 is saved.');
    await expect(page.getByTestId('delivery-recovered')).toHaveText(
      'This was already saved — nothing was saved twice.',
    );
    post.letGo();

    await page.goto('/portal/progress', { waitUntil: 'commit' });
    // Raw 15 of 25, times four.
    await expect(page.getByTestId('progress-summary-who5')).toBeVisible();
    await expect(page.getByText(/Latest:\s*60/)).toBeVisible();
    await release();
  });

  test('homework sent is refused beside the field it misses, keeps every answer, and is sent once', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const marker = `Native ${Date.now().toString(36)}`;
    const therapist = await browser.newContext({ storageState: storageState('therapist') });
    await assignThoughtRecord(await therapist.newPage(), marker);
    await therapist.close();
    const href = await openAssignedItem(page, 'Thought record', marker);

    const release = await holdScripts(page);
    await page.goto(href, { waitUntil: 'commit' });
    await expect(page.getByLabel('What happened?')).toBeVisible();
    await page.getByLabel('What happened?').fill('The bus left without me.');
    const feelings = page.getByRole('group', { name: 'What did you feel, and how strongly?' });
    await feelings.getByRole('textbox', { name: 'Feeling (Emotion 1)' }).fill('hurt');
    await feelings.getByRole('spinbutton', { name: 'How strong (0–100 %) (Emotion 1)' }).fill('70');
    const thoughts = page.getByRole('group', { name: 'What went through your mind?' });
    await thoughts.getByRole('textbox', { name: 'Thought (Thought 1)' }).fill('I always miss out.');
    await thoughts
      .getByRole('group', { name: 'This is the hot thought (Thought 1) (optional)' })
      .locator('label', { hasText: 'Yes' })
      .click();
    await page.getByLabel('Facts that support the hot thought').fill('I missed it today.');
    await page.getByLabel('A fairer way to see it').fill('Buses run late too.');
    await page.getByRole('spinbutton', { name: 'How much do you believe it (0–100 %)?' }).fill('60');
    const rerate = page.getByRole('group', { name: 'Rate each feeling again now' });
    await rerate.getByRole('textbox', { name: 'Feeling (Emotion 1)' }).fill('hurt');
    await rerate.getByRole('spinbutton', { name: 'How strong now (0–100 %) (Emotion 1)' }).fill('40');
    await page.getByRole('button', { name: 'Send to my therapist' }).click();

    // "Facts that do not fit" was left blank: said beside it, and everything else is drawn again as sent.
    await expect(page.getByTestId('form-error')).toHaveText('Please check the highlighted answers.');
    await expect(page.locator('[data-field="evidence_against"]').getByTestId('field-error')).toHaveText(
      'This field is required.',
    );
    await expect(page.getByLabel('What happened?')).toHaveValue('The bus left without me.');
    await expect(feelings.getByRole('spinbutton', { name: 'How strong (0–100 %) (Emotion 1)' })).toHaveValue('70');
    await expect(
      thoughts
        .getByRole('group', { name: 'This is the hot thought (Thought 1) (optional)' })
        .getByRole('radio', { name: 'Yes' }),
    ).toBeChecked();
    await expect(page.getByRole('spinbutton', { name: 'How much do you believe it (0–100 %)?' })).toHaveValue('60');
    await expect(rerate.getByRole('textbox', { name: 'Feeling (Emotion 1)' })).toHaveValue('hurt');

    await page.getByLabel('Facts that do not fit the hot thought').fill('It was one bus.');
    const post = await holdFirstPost(page, href);
    await page.getByRole('button', { name: 'Send to my therapist' }).click({ noWaitAfter: true });
    await post.stored;
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('submitted-message')).toContainText('Sent to your therapist.');
    await expect(page.getByTestId('delivery-recovered')).toHaveText(
      'This was already saved — nothing was saved twice.',
    );
    post.letGo();

    // Stored as one first version, with what was entered.
    await page.goto(href, { waitUntil: 'commit' });
    await expect(page.getByTestId('sent-note')).toContainText('You sent this on');
    await expect(page.getByText('It was one bus.')).toBeVisible();
    await expect(page.getByText('The bus left without me.')).toBeVisible();
    await release();
  });
});
