import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support';

const PASSWORD = 'lantern-orchard-river-57';
const tag = Date.now().toString(36);

async function readSharedLink(page: Page): Promise<string> {
  const field = page.getByTestId('shared-link').first();
  await expect(field).toBeVisible();
  const link = await field.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return new URL(link).pathname;
}

async function accept(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(PASSWORD);
  await page.getByLabel('Repeat the password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
}

test('an admin invites a therapist and a client, both join, the therapist is deactivated, and the trail shows it all', async ({
  browser,
}) => {
  const adminContext = await browser.newContext({ storageState: storageState('admin') });
  const admin = await adminContext.newPage();

  const therapistEmail = `new.therapist.${tag}@northside.example`;
  const clientEmail = `quinn.${tag}@clients.northside.example`;

  // Invite a therapist; with no SMTP configured the link is shown to the admin.
  await admin.goto('/admin/invitations');
  await admin.getByLabel('Email').fill(therapistEmail);
  await admin.getByRole('radio', { name: /Therapist/ }).check();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  const therapistLink = await readSharedLink(admin);

  // The same address again is refused beside the field.
  await admin.reload();
  await admin.getByLabel('Email').fill(therapistEmail);
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect(admin.locator('#field-email-error')).toContainText('That email already has an open invitation');

  // A client record first (the clinical record exists before any login), then its invitation.
  await admin.goto('/admin/clients/new');
  await admin.getByLabel('First name').fill('Quinn');
  await admin.getByLabel('Last name').fill(`Harbour ${tag}`);
  await admin.getByLabel('Email (optional)').fill(clientEmail);
  await admin.getByRole('checkbox', { name: 'Dana Reyes' }).check();
  await admin.getByRole('button', { name: 'Create client record' }).click();
  await expect(admin).toHaveURL(/\/admin\/clients\/[0-9a-f-]{36}$/);
  const clientId = admin.url().split('/').pop()!;
  await admin.getByRole('link', { name: 'Invite to the portal' }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/invitations\\?client=${clientId}$`));
  await admin.getByLabel('Email').fill(clientEmail);
  await expect(admin.getByRole('radio', { name: /Client/ })).toBeChecked();
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  const clientLink = await readSharedLink(admin);

  // The therapist accepts and lands on their caseload; this session stays open.
  const therapistContext = await browser.newContext();
  const therapist = await therapistContext.newPage();
  await accept(therapist, therapistLink, `Taylor Brook ${tag}`);
  await expect(therapist).toHaveURL(/\/caseload$/);

  // A used link says so plainly.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(therapistLink);
  await expect(other.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
  await otherContext.close();

  // The client accepts and lands in a portal linked to their record (their care team shows).
  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await accept(client, clientLink, `Quinn Harbour`);
  await expect(client).toHaveURL(/\/portal$/);
  await expect(client.getByRole('heading', { name: 'Hello, Quinn' })).toBeVisible();
  await expect(client.getByText('Dana Reyes')).toBeVisible();
  // Signing out is recorded on the trail as well as signing in.
  await client.getByRole('button', { name: 'Sign out' }).click();
  await expect(client).toHaveURL(/\/login/);
  await admin.goto(`/admin/clients/${clientId}`);
  await expect(admin.getByText('This client has a portal login linked to this record.')).toBeVisible();

  // Both appear in People; deactivating the therapist ends their open session at its next request.
  await admin.goto('/admin/people');
  await admin.getByLabel('Search name or email').fill(tag);
  await admin.getByRole('button', { name: 'Apply' }).click();
  await expect(admin).toHaveURL(/\/admin\/people$/);
  await expect(admin.getByTestId(`member-${therapistEmail}`)).toBeVisible();
  await expect(admin.getByTestId(`member-${clientEmail}`)).toBeVisible();
  // Deactivation sits in the row's Manage menu and asks first; cancelling changes nothing.
  const row = admin.getByTestId(`member-${therapistEmail}`);
  await row.getByText('Manage').click();
  await row.getByRole('button', { name: `Deactivate Taylor Brook ${tag}` }).click();
  const confirmation = admin.getByRole('dialog');
  await expect(confirmation).toContainText(`Deactivate Taylor Brook ${tag}? They can no longer sign in`);
  await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmation).toBeHidden();
  await expect(row.getByText('deactivated')).toHaveCount(0);
  await row.getByRole('button', { name: `Deactivate Taylor Brook ${tag}` }).click();
  await confirmation.getByRole('button', { name: `Deactivate Taylor Brook ${tag}` }).click();
  await expect(admin.getByTestId(`member-${therapistEmail}`).getByText('deactivated')).toBeVisible();
  await therapist.goto('/caseload');
  await expect(therapist).toHaveURL(/\/login$/);

  // The audit trail shows each step.
  await admin.goto('/admin/audit');
  const table = admin.getByRole('table');
  // Actions read as words, not codes.
  for (const action of ['Sent an invitation', 'Added a client', 'Accepted an invitation', 'Deactivated an account', 'Signed in']) {
    await expect(table.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await expect(table.getByRole('cell', { name: 'Accepted an invitation', exact: true })).toHaveCount(2);
  await expect(table.getByText('account.deactivate')).toHaveCount(0);
  const quinnRows = table.getByRole('row').filter({ hasText: 'Quinn Harbour' });
  await expect(quinnRows.filter({ hasText: 'Signed in' }).first()).toBeVisible();
  await expect(quinnRows.filter({ hasText: 'Signed out' })).toHaveCount(1);
  await expect(table.getByRole('cell', { name: `Taylor Brook ${tag}` }).first()).toBeVisible();
  await admin.getByLabel('Action').selectOption({ label: 'Deactivated an account' });
  await admin.getByRole('button', { name: 'Apply' }).click();
  await expect(admin).toHaveURL(/action=account\.deactivate/);
  await expect(table.getByRole('cell', { name: 'Deactivated an account', exact: true })).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(2);

  await Promise.all([adminContext.close(), therapistContext.close(), clientContext.close()]);
});
