import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

/**
 * The roster fits the screen: from a 1280-px laptop down to a 390-px phone nothing scrolls sideways, and every
 * client's key facts (who, what needs attention, homework, overdue items, the next measure) can be read on the
 * row itself. Collapsed columns keep their facts in another cell; on a phone each client is a card.
 */

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('[data-testid="roster-frame"]');
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      roster: frame ? frame.scrollWidth - frame.clientWidth : Number.NaN,
    };
  });
}

/**
 * What a reader sees of each client's row or card: the text of its shown cells, each after the label a card
 * draws before it, and whether the row lies inside the screen.
 */
async function rowsAsSeen(page: Page) {
  return page.locator('[data-testid="roster"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      const cells = [...tr.children].filter((td) => getComputedStyle(td).display !== 'none') as HTMLElement[];
      const text = cells
        .map((td) => {
          const before = getComputedStyle(td, '::before').content;
          const label = before && before !== 'none' && before !== 'normal' ? before.replace(/^"|"$/g, '') : '';
          return `${label ? `${label}: ` : ''}${td.innerText.trim()}`;
        })
        .join('\n');
      return { text, left: box.left, right: box.right, width: document.documentElement.clientWidth };
    }),
  );
}

async function expectFits(page: Page, expectedCells: RegExp[]) {
  await page.goto('/caseload');
  await expect(page.locator('[data-testid="roster"] tbody tr').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await sidewaysOverflow(page)).toEqual({ page: 0, roster: 0 });
  const rows = await rowsAsSeen(page);
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows) {
    expect(row.left, row.text).toBeGreaterThanOrEqual(0);
    expect(row.right, row.text).toBeLessThanOrEqual(row.width);
    for (const fact of expectedCells) expect(row.text, `${fact} on the row`).toMatch(fact);
  }
}

// Homework adherence ("80%" or "—" when nothing was due), overdue items, the next measure's date or its absence.
const HOMEWORK = /\d+%|—/;
const OVERDUE = /\d+ overdue|None overdue|Overdue: 0/;
const NEXT_MEASURE = /Next measure[:\s]+\S+/;

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the therapist’s roster fits without scrolling sideways', async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageState('therapist'), viewport: { width: 1280, height: 800 } });
    await expectFits(page, [HOMEWORK, OVERDUE, NEXT_MEASURE]);
    await page.screenshot({ path: test.info().outputPath('roster-1280.png'), fullPage: true });
    // Columns that collapsed are still sortable.
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('overdue');
    await expect(page).toHaveURL(/[?&]sort=overdue/);
    await page.close();
  });

  test('the admin’s roster of the whole practice fits too, with each client’s therapist', async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageState('admin'), viewport: { width: 1280, height: 800 } });
    await expectFits(page, [HOMEWORK, OVERDUE, NEXT_MEASURE, /Intake/]);
    await page.close();
  });
});

test.describe('on a 390-px phone', () => {
  test.use({ storageState: storageState('therapist'), viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('each client is a card with its facts labelled, and nothing scrolls sideways', async ({ page }) => {
    await expectFits(page, [/Needs attention/, /Last check-in/, /PHQ-9/, /Homework, 28 days/, OVERDUE, NEXT_MEASURE]);
    // A card reads whole within the screen's width: scrolled to, its name and its last line are both in view.
    const first = page.locator('[data-testid="roster"] tbody tr').first();
    await first.scrollIntoViewIfNeeded();
    await expect(first.getByRole('link').first()).toBeInViewport();
    await expect(first.locator('td').last()).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('roster-390.png'), fullPage: false });
  });
});
