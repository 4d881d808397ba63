import type { Page } from '@playwright/test';

export const DEMO_PASSWORD = 'mend-demo-password';
export const DEMO = {
  admin: 'admin@northside.example',
  therapist: 'dana@northside.example',
  client: 'alex.rivera@clients.northside.example',
  otherAdmin: 'admin@riverbend.example',
} as const;

export const storageState = (role: keyof typeof DEMO) => `tests/e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
