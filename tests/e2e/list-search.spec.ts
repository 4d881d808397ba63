import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, holdScripts, signIn } from './support';

/**
 * "No PHI in URLs": a list's search names a person, so it is posted and kept for the signed-in session, never put
 * in a URL (which reaches access logs, browser history and Referer headers). Every request the page makes is
 * watched: navigations, the RSC fetches of client-side navigation, prefetches, the CSV export.
 */
test.use({ storageState: { cookies: [], origins: [] } });

function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The requests whose URL carries the term, however it is encoded. */
function carrying(urls: string[], term: string): string[] {
  const needle = term.toLowerCase();
  return urls.filter((url) => {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    } catch {
      // A URL that does not decode is checked as it is.
    }
    return decoded.toLowerCase().includes(needle) || url.toLowerCase().includes(needle);
  });
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/login/);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

const rosterRows = (page: Page) => page.getByTestId('roster').locator('tbody tr');

test('the roster’s search stays out of every URL, survives a reload, feeds the export and ends with the session', async ({ page }) => {
  test.setTimeout(120_000);
  const urls = watchRequests(page);
  await signInAs(page, DEMO.therapist);
  await page.goto('/caseload?sort=name');
  await expect(page.getByRole('link', { name: 'Taylor Fischer' }).first()).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search by name' });
  await search.fill('Rivera');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Taylor Fischer' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Alex Rivera' }).first()).toBeVisible();
  await expect(rosterRows(page)).toHaveCount(1);
  // The other parameters of the view stay in the URL.
  await expect(page).toHaveURL(/\/caseload\?sort=name$/);

  await page.reload();
  await expect(search).toHaveValue('Rivera');
  await expect(rosterRows(page)).toHaveCount(1);

  // A filter chosen after the search keeps it.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await expect(page).toHaveURL(/status=active/);
  await expect(page.getByRole('link', { name: 'Alex Rivera' }).first()).toBeVisible();
  await expect(rosterRows(page)).toHaveCount(1);

  // The export is the view on screen, searched as it is.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export view (CSV)' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Alex Rivera');
  expect(csv).not.toContain('Taylor Fischer');

  // Clearing forgets the term.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByRole('link', { name: 'Taylor Fischer' }).first()).toBeVisible();
  await expect(search).toHaveValue('');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Taylor Fischer' }).first()).toBeVisible();

  // Searched again, then someone else signs in on this browser: they do not get the term.
  await search.fill('Rivera');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Taylor Fischer' })).toHaveCount(0);
  await signOut(page);
  await signInAs(page, DEMO.admin);
  await page.goto('/caseload');
  await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('');
  await expect(page.getByRole('link', { name: 'Taylor Fischer' }).first()).toBeVisible();

  expect(urls.some((url) => url.includes('/caseload/export'))).toBe(true);
  expect(carrying(urls, 'Rivera')).toEqual([]);
});

test('the roster’s search works before the page’s script has run', async ({ page }) => {
  const urls = watchRequests(page);
  await signInAs(page, DEMO.therapist);
  const release = await holdScripts(page);
  await page.goto('/caseload?sort=name', { waitUntil: 'commit' });
  await page.getByRole('searchbox', { name: 'Search by name' }).fill('Fischer');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Alex Rivera' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Taylor Fischer' }).first()).toBeVisible();
  await release();
  expect(carrying(urls, 'Fischer')).toEqual([]);
});

test('the admin’s client and people lists search through the session, not the URL', async ({ page }) => {
  test.setTimeout(120_000);
  const urls = watchRequests(page);
  await signInAs(page, DEMO.admin);

  // Clients: searched with another filter, which stays in the URL.
  await page.goto('/admin/clients');
  await expect(page.getByRole('checkbox', { name: 'Select Alex Rivera' })).toBeVisible();
  await page.getByLabel('Search name or email').fill('Fischer');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('active');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/admin\/clients\?status=active$/);
  await expect(page.getByRole('checkbox', { name: 'Select Taylor Fischer' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select Alex Rivera' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Search name or email')).toHaveValue('Fischer');
  await expect(page.getByRole('checkbox', { name: 'Select Alex Rivera' })).toHaveCount(0);
  // A q in a URL is not a search.
  await page.goto('/admin/clients?q=Rivera');
  await expect(page.getByRole('checkbox', { name: 'Select Taylor Fischer' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select Alex Rivera' })).toHaveCount(0);

  // People.
  await page.goto('/admin/people');
  await page.getByLabel('Search name or email').fill('dana');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByTestId(`member-${DEMO.therapist}`)).toBeVisible();
  await expect(page.getByTestId(`member-${DEMO.admin}`)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Search name or email')).toHaveValue('dana');
  await expect(page.getByTestId(`member-${DEMO.admin}`)).toHaveCount(0);

  // Clear forgets it.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.getByTestId(`member-${DEMO.admin}`)).toBeVisible();
  await expect(page.getByLabel('Search name or email')).toHaveValue('');

  // Searched again; after signing out, another admin on this browser starts with no search.
  await page.getByLabel('Search name or email').fill('dana');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId(`member-${DEMO.admin}`)).toHaveCount(0);
  await signOut(page);
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/people');
  await expect(page.getByLabel('Search name or email')).toHaveValue('');
  await expect(page.getByTestId(`member-${DEMO.admin}`)).toBeVisible();
  await page.goto('/admin/clients');
  await expect(page.getByLabel('Search name or email')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Select Alex Rivera' })).toBeVisible();

  expect(carrying(urls, 'Fischer')).toEqual([]);
  expect(carrying(urls, 'dana')).toEqual([]);
});
