import { expect, test as setup } from '@playwright/test';
import { DEMO, signIn, storageState } from './support';

const homes = { admin: '/admin', therapist: '/caseload', client: '/portal', otherAdmin: '/admin' } as const;

for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role]);
    await expect(page).toHaveURL(new RegExp(`${homes[role]}$`));
    await page.context().storageState({ path: storageState(role) });
  });
}
