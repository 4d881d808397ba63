import { expect, test } from '@playwright/test';
import { storageState } from './support';

test.describe('reminders', () => {
  test.use({ storageState: storageState('client'), viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test('a client turns reminders on at their own time, and a device subscription is stored', async ({ page, context }) => {
    await page.goto('/portal/reminders');
    await expect(page.getByRole('heading', { name: 'Reminders' })).toBeVisible();
    await expect(page.getByText('You have something waiting in Mend', { exact: false })).toBeVisible();

    // A time inside quiet hours is refused beside the field, and what was typed stays.
    await page.getByLabel('Send me reminders').check();
    await page.getByLabel('Remind me at').fill('23:30');
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect(page.getByText('This time falls inside your quiet hours')).toBeVisible();
    // Focus moves to a summary at the top that leads to the field, however far down the phone's screen it is.
    const summary = page.getByRole('alert').filter({ has: page.getByRole('link', { name: 'Remind me at' }) });
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await summary.getByRole('link', { name: 'Remind me at' }).click();
    await expect(page.getByLabel('Remind me at')).toBeFocused();
    await expect(page.getByLabel('Remind me at')).toHaveValue('23:30');

    await page.getByLabel('Remind me at').fill('08:15');
    await page.getByLabel('Time zone').selectOption('Europe/London');
    await page.getByLabel('As a notification on my devices').check();
    await page.getByRole('button', { name: 'Save reminder settings' }).click();
    await expect(page.getByText('Reminder settings saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Send me reminders')).toBeChecked();
    await expect(page.getByLabel('Remind me at')).toHaveValue('08:15');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/London');

    // Web Push: the browser is allowed to notify, registers the service worker and subscribes. Headless
    // Chromium has no push service to register with offline (subscribe() fails with "push service error"),
    // so only PushManager.subscribe is replaced by one returning a subscription of the same shape; the
    // permission, the service worker, toJSON() and the server action that stores it are the real ones.
    await context.grantPermissions(['notifications']);
    await page.addInitScript(() => {
      PushManager.prototype.subscribe = async function () {
        const json = {
          // A loopback address: should a reminder fall due during the run, its push goes nowhere beyond this machine.
          endpoint: 'https://127.0.0.1:9/e2e-subscription',
          expirationTime: null,
          keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' },
        };
        return { endpoint: json.endpoint, toJSON: () => json } as unknown as PushSubscription;
      };
    });
    await page.reload();
    await expect(page.getByTestId('push-devices')).toHaveText('No device gets notifications yet.');
    await page.getByRole('button', { name: 'Turn on notifications on this device' }).click();
    await expect(page.getByText('Notifications are on for this device.')).toBeVisible();
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? null);
    expect(worker).toMatch(/\/sw\.js$/);
    await page.reload();
    await expect(page.getByTestId('push-devices')).toHaveText('Notifications are on for one device.');
  });
});

test.describe('the therapist', () => {
  test.use({ storageState: storageState('therapist') });

  test("sees on the client's record whether reminders are on", async ({ page }) => {
    await page.goto('/caseload');
    await page.getByRole('link', { name: 'Alex Rivera' }).first().click();
    await expect(page.getByRole('heading', { name: 'Alex Rivera', level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('reminder-status')).toContainText(/^On: email/);
  });
});
