import { expect, test } from '@playwright/test';
import { storageState } from './support';

/**
 * A submission whose answer never reaches the phone (the server saved it, then the connection dropped) is sent
 * again by the form with the same idempotency key: the server answers with the first result and writes nothing.
 */
test.describe('a check-in sent over a connection that drops', () => {
  test.use({ storageState: storageState('client'), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('is retried by the form, saved once, and the client is told what happened', async ({ page }) => {
    await page.goto('/portal/check-in');
    // Saved by the form's script: a Save pressed before the page has hydrated would not reach it.
    await page.waitForLoadState('networkidle');
    // Not the slider's resting midpoint (5): filling the value it already shows is no answer, so the check-in was
    // refused on a day the client had not yet checked in, and passed only after another spec had saved one.
    await page.getByLabel('Mood', { exact: true }).fill('6');
    await page.getByLabel('Distress', { exact: true }).fill('20');
    await page.getByText('Within my window', { exact: true }).click();
    const safety = page.getByText('No', { exact: true });
    if (await safety.count()) await safety.click();

    const keys: string[] = [];
    const bodies: string[] = [];
    let dropped = false;
    await page.route('**/portal/check-in', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = request.postData() ?? '';
      keys.push(/idempotencyKey"?[^A-Za-z0-9_-]+([A-Za-z0-9_-]{16,})/.exec(body)?.[1] ?? '');
      if (!dropped) {
        // The server does the work; the answer is lost on the way back.
        dropped = true;
        await route.fetch();
        return route.abort('timedout');
      }
      const response = await route.fetch();
      bodies.push(await response.text());
      return route.fulfill({ response });
    });

    await page.getByRole('button', { name: /Save (check-in|changes)/ }).click();
    await expect(page.getByTestId('delivery-recovered')).toContainText('Nothing was saved twice', { timeout: 20_000 });
    await expect(page.getByTestId('toast').filter({ hasText: /check-in/ })).toBeVisible();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys[0]).not.toBe('');
    // Every attempt carried the same key, and the server's answer to the retry was the replay of the first.
    expect(new Set(keys).size).toBe(1);
    expect(bodies.at(-1)).toContain('"replayed":true');
  });
});
