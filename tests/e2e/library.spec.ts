import { expect, test } from '@playwright/test';
import { storageState } from './support';

test.use({ storageState: storageState('therapist') });

test.describe('exercise library', () => {
  test('browses, filters by theme (kept in the URL) and previews a thought record as the client sees it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    await expect(page.getByRole('heading', { name: 'Exercise library' })).toBeVisible();
    const exercises = page.getByRole('list', { name: 'Exercises' }).getByRole('listitem');
    // Eight built-ins plus the practice's shared demo exercise.
    await expect(exercises).toHaveCount(9);

    await page.getByRole('navigation', { name: 'Filter by theme' }).getByRole('link', { name: 'Reframing thoughts (CBT)' }).click();
    await expect(page).toHaveURL(/theme=cbt_reframe/);
    await expect(exercises).toHaveCount(1);
    await expect(exercises.first().getByRole('link', { name: 'Thought record', exact: true })).toBeVisible();
    await page.reload();
    await expect(exercises).toHaveCount(1);

    await page.goto('/library?q=nothing-matches-this');
    await expect(page.getByText('No exercises match')).toBeVisible();

    await page.goto('/library?theme=cbt_reframe');
    await exercises.first().getByRole('link', { name: 'Thought record', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Thought record', level: 1 })).toBeVisible();
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText('Preview: this is how the client will see this exercise.')).toBeVisible();
    await expect(preview.getByLabel('What happened?')).toBeVisible();
  });

  test('builds a custom exercise with two questions, previews it and shares it with the practice', async ({ page }) => {
    const title = `Morning intention ${Date.now().toString(36)}`;
    await page.goto('/library');
    await page.getByRole('link', { name: 'New exercise' }).click();
    await expect(page.getByRole('heading', { name: 'New exercise' })).toBeVisible();

    // Sending it empty is refused beside the fields, and nothing typed is lost.
    await page.getByLabel('Summary').fill('A small promise to yourself for the day.');
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await expect(page.getByText('Enter the title.')).toBeVisible();
    await expect(page.getByLabel('Summary')).toHaveValue('A small promise to yourself for the day.');

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('checkbox', { name: 'Self-compassion' }).check();
    await page.getByLabel('New question type').selectOption('long_text');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('What is one kind thing I will do for myself today?');
    await page.getByLabel('New question type').selectOption('scale_0_10');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 2', { exact: true }).fill('How hopeful do I feel?');
    // Reorder, and see the preview follow.
    await page.getByRole('button', { name: 'Move up 2' }).click();
    await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue('How hopeful do I feel?');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('heading', { name: title })).toBeVisible();
    await expect(preview.getByText('How hopeful do I feel?')).toBeVisible();
    await expect(preview.getByText('What is one kind thing I will do for myself today?')).toBeVisible();

    await page.getByRole('checkbox', { name: /Share with the practice/ }).check();
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await expect(page).toHaveURL(/\/library\/custom_[0-9a-f]{10}$/);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText('Shared with the practice')).toBeVisible();

    await page.goto('/library?theme=self_compassion');
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  });

  test('assigns a journaling prompt to a client from the client page', async ({ page }) => {
    await page.goto('/caseload');
    await page.getByRole('link', { name: 'Amara Byrne' }).click();
    await expect(page.getByRole('heading', { name: 'Amara Byrne', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Record sections' }).getByRole('link', { name: 'Homework' }).click();
    const homework = page.getByRole('region', { name: 'Homework', exact: true });
    await expect(homework).toBeVisible();
    const before = await homework.getByTestId('assignment').count();

    await homework.getByText('Assign homework', { exact: true }).click();
    const form = homework.getByRole('form', { name: 'Assign homework' });
    await form.getByLabel('Exercise or measure').selectOption({ label: 'Journaling prompt' });
    await form.getByLabel('Prompt', { exact: true }).selectOption('bank_04');
    await form.getByLabel(/Instructions/).fill('Write for ten minutes after Thursday’s session.');
    await form.getByRole('radio', { name: 'Weekly' }).check();
    await form.getByLabel('Number of times').fill('3');
    await form.getByRole('button', { name: 'Assign' }).click();
    // The outcome shows as a toast (a polite status that does not take focus).
    await expect(page.getByTestId('toast')).toHaveText(/^Homework assigned\./);

    await expect(homework.getByTestId('assignment')).toHaveCount(before + 1);
    const item = homework.getByTestId('assignment').filter({ hasText: 'Write for ten minutes' });
    await expect(item.getByRole('heading', { name: 'Journaling prompt' })).toBeVisible();
    await expect(item.getByText('Weekly, 3 times')).toBeVisible();
    await expect(item.getByText('Prompt: “What does this rejection not prove about my worth?”')).toBeVisible();
    await expect(item.getByRole('list', { name: 'Due items' }).getByText('Due', { exact: true })).toHaveCount(3);

    // Cancelling one item (once confirmed) takes it out of what is due.
    await item.getByRole('button', { name: /^Cancel the item due/ }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(item.getByRole('list', { name: 'Due items' }).getByText('Due', { exact: true })).toHaveCount(2);
    await expect(item.getByRole('list', { name: 'Due items' }).getByText('Cancelled', { exact: true })).toHaveCount(1);
  });
});

test.describe('editing a custom exercise', () => {
  test('opens with its questions filled in, keeps what was typed when refused, and saves a new version while the old one stays readable', async ({ page }) => {
    const title = `Evening check ${Date.now().toString(36)}`;
    await page.goto('/library/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('New question type').selectOption('long_text');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('What went well today?');
    await page.getByRole('button', { name: 'Create exercise' }).click();
    await expect(page).toHaveURL(/\/library\/custom_[0-9a-f]{10}$/);
    const exerciseUrl = new URL(page.url()).pathname;
    await expect(page.getByText('Version 1')).toBeVisible();

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page).toHaveURL(`${exerciseUrl}/edit`);
    await expect(page.getByRole('heading', { name: `Edit “${title}”` })).toBeVisible();
    await expect(page.getByText('Currently version 1. Saving makes version 2.')).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
    await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue('What went well today?');

    // Change the question, add a scale, and see the preview follow before anything is saved.
    await page.getByLabel('Question 1', { exact: true }).fill('What went well today, however small?');
    await page.getByLabel('New question type').selectOption('scale_0_10');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page.getByLabel('Question 2', { exact: true }).fill('How settled do I feel tonight?');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect(preview.getByText('What went well today, however small?')).toBeVisible();
    await expect(preview.getByText('How settled do I feel tonight?')).toBeVisible();

    // A title left empty is refused beside the field, and the edited questions are all still there.
    await page.getByLabel('Title', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Enter the title.')).toBeVisible();
    await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue('What went well today, however small?');
    await expect(page.getByLabel('Question 2', { exact: true })).toHaveValue('How settled do I feel tonight?');

    await page.getByLabel('Title', { exact: true }).fill(`${title} (v2)`);
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page).toHaveURL(exerciseUrl);
    await expect(page.getByRole('heading', { name: `${title} (v2)`, level: 1 })).toBeVisible();
    await expect(page.getByText('Version 2')).toBeVisible();
    const saved = page.getByRole('region', { name: 'Preview' });
    await expect(saved.getByText('What went well today, however small?')).toBeVisible();
    await expect(saved.getByText('How settled do I feel tonight?')).toBeVisible();

    // Version 1 is kept as it was, for work already done with it.
    await page.goto(`${exerciseUrl}?v=1`);
    await expect(page.getByText('You are looking at an earlier version')).toBeVisible();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Preview' }).getByRole('textbox', { name: /^What went well today\? / })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Preview' }).getByText('How settled do I feel tonight?')).toHaveCount(0);
  });
});
