import { expect, test, type Browser, type Page } from '@playwright/test';
import { openAssignedItem, storageState } from './support';

async function as(browser: Browser, role: 'therapist' | 'client'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

test('the homework loop: assign, draft, submit, comment, revise, resubmit, compare, review', async ({ browser }) => {
  test.setTimeout(180_000);
  const marker = `Weekly reframe ${Date.now()}`;

  // The therapist assigns a weekly thought record from the client's page.
  const therapist = await as(browser, 'therapist');
  await therapist.goto('/caseload');
  await therapist.getByRole('link', { name: 'Alex Rivera' }).first().click();
  await expect(therapist.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible();
  await therapist.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Homework' }).click();
  const assign = therapist.getByRole('form', { name: 'Assign homework' });
  if (!(await assign.isVisible())) await therapist.getByText('Assign homework', { exact: true }).click();
  await assign.getByLabel('Exercise or measure').selectOption('exercise:thought_record');
  await assign.getByLabel(/^Instructions/).fill(`${marker}: pick one moment from this week.`);
  await assign.getByLabel('Weekly').check();
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(therapist.getByTestId('toast')).toHaveText(/^Homework assigned\./);

  // The client fills part of it; the draft is saved on the server as they type.
  const client = await as(browser, 'client');
  const href = await openAssignedItem(client, 'Thought record', marker);
  await client.getByLabel('What happened?').fill('My friend left my message on read for two days.');
  const feelings = client.getByRole('group', { name: 'What did you feel, and how strongly?' });
  await feelings.getByRole('textbox', { name: 'Feeling (Emotion 1)' }).fill('hurt');
  await feelings.getByRole('spinbutton', { name: 'How strong (0–100 %) (Emotion 1)' }).fill('70');
  await expect(client.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

  // A reload finds the draft.
  await client.reload();
  await expect(client.getByLabel('What happened?')).toHaveValue('My friend left my message on read for two days.');
  await expect(feelings.getByRole('textbox', { name: 'Feeling (Emotion 1)' })).toHaveValue('hurt');
  await expect(feelings.getByRole('spinbutton', { name: 'How strong (0–100 %) (Emotion 1)' })).toHaveValue('70');

  // Sending it half-done shows what is missing beside the field, and sends nothing.
  await client.getByRole('button', { name: 'Send to my therapist' }).click();
  await expect(client.getByTestId('form-error')).toHaveText('Please check the highlighted answers.');
  await expect(client.locator('[data-field="evidence_against"]').getByTestId('field-error')).toHaveText('This field is required.');

  const thoughts = client.getByRole('group', { name: 'What went through your mind?' });
  await thoughts.getByRole('textbox', { name: 'Thought (Thought 1)' }).fill('Nobody really wants me around.');
  await thoughts.getByRole('group', { name: 'This is the hot thought (Thought 1) (optional)' }).locator('label', { hasText: 'Yes' }).click();
  await client.getByLabel('Facts that support the hot thought').fill('No reply for two days.');
  await client.getByLabel('Facts that do not fit the hot thought').fill('She says she is busy at work.');
  await client.getByLabel('A fairer way to see it').fill('She may be busy; it is not about me.');
  await client.getByRole('spinbutton', { name: 'How much do you believe it (0–100 %)?' }).fill('60');
  const rerate = client.getByRole('group', { name: 'Rate each feeling again now' });
  await rerate.getByRole('textbox', { name: 'Feeling (Emotion 1)' }).fill('hurt');
  await rerate.getByRole('spinbutton', { name: 'How strong now (0–100 %) (Emotion 1)' }).fill('40');
  await client.getByRole('button', { name: 'Send to my therapist' }).click();
  await expect(client.getByTestId('submitted-message')).toContainText('Sent to your therapist.');

  // The therapist comments on "evidence against" and asks for a revision.
  await therapist.goto('/submissions');
  const row = therapist.getByTestId('inbox-row').filter({ hasText: 'Alex Rivera' }).filter({ hasText: 'Thought record' }).first();
  await expect(row).toHaveAttribute('data-unreviewed', 'true');
  await row.getByRole('link', { name: 'Thought record' }).click();
  await expect(therapist.getByRole('heading', { name: 'Thought record — Alex Rivera' })).toBeVisible();
  const comment = 'Look again: she invited you to dinner last week. Does that fit?';
  await therapist.getByRole('button', { name: 'Comment on: Facts that do not fit the hot thought' }).click();
  await therapist.getByLabel('Your comment on “Facts that do not fit the hot thought”').fill(comment);
  await therapist.getByRole('button', { name: 'Save comment' }).click();
  await expect(therapist.locator('[data-field="evidence_against"]').getByTestId('field-comment')).toContainText(comment);
  await therapist.getByLabel('Message to the client (optional)').fill('Good start. Have another look at the evidence.');
  await therapist.getByRole('button', { name: 'Ask to revise' }).click();
  await expect(therapist.getByText('You asked the client to revise this.')).toBeVisible();

  // The client sees the comment beside that field, revises and resubmits.
  await client.goto('/portal/homework');
  await expect(client.getByRole('heading', { name: 'Your therapist asked you to take another look' })).toBeVisible();
  await client.goto(href);
  const evidence = client.locator('[data-field="evidence_against"]');
  await expect(evidence.getByTestId('field-comment')).toContainText(comment);
  await expect(client.getByLabel('Facts that do not fit the hot thought')).toHaveValue('She says she is busy at work.');
  await client.getByLabel('Facts that do not fit the hot thought').fill('She says she is busy at work, and she invited me to dinner last week.');
  await client.getByRole('button', { name: 'Send revised version' }).click();
  await expect(client.getByTestId('submitted-message')).toContainText('revised version 2');

  // The therapist sees both versions and what changed, and marks it reviewed.
  await therapist.reload();
  const versions = therapist.getByRole('navigation', { name: 'Versions' });
  await expect(versions.getByRole('link')).toHaveCount(2);
  const changes = therapist.getByTestId('change-list');
  await expect(changes).toContainText('Facts that do not fit the hot thought');
  await expect(changes).toContainText('invited me to dinner');
  await versions.getByRole('link', { name: /^1/ }).click();
  await expect(therapist.getByRole('heading', { name: /Answers — version 1/ })).toBeVisible();
  await expect(therapist.locator('[data-field="evidence_against"]').first()).toContainText('She says she is busy at work.');
  await versions.getByRole('link', { name: /^2/ }).click();
  await therapist.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(therapist.getByText('You marked this reviewed.')).toBeVisible();

  // Finished work has left the client's Today list and sits in their history with the comment.
  await client.goto('/portal/history');
  const entry = client.getByTestId('history-entry').filter({ hasText: 'Thought record' }).first();
  await expect(entry).toContainText('Reviewed');
  await entry.locator('summary').click();
  await expect(entry.locator('[data-field="evidence_against"]').getByTestId('field-comment')).toContainText(comment);
});
