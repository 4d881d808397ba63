import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA rules on the page as it is now, each violation named by rule, impact and first target. */
export async function expectNoViolationsHere(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  expect(summary, `${label}\n${summary.join('\n')}`).toEqual([]);
}

export async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expectNoViolationsHere(page, path);
}

/** The page as it is now, in the light and then the dark theme (the device's setting, which the theme follows). */
export async function expectNoViolationsInBothThemes(page: Page, label: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoViolationsHere(page, `${label} (${colorScheme})`);
  }
}
