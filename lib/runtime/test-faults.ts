import 'server-only';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';

/**
 * A page that fails on purpose, so the end-to-end suite can see the error pages as a person would
 * (MEND_TEST_FAULTS=1, set only by scripts/e2e-server.mjs). Anywhere else the page does not exist.
 */
export function failOnPurpose(): never {
  if (process.env.MEND_TEST_FAULTS !== '1') notFound();
  throw new Error('This page failed on purpose (MEND_TEST_FAULTS).');
}

/** With MEND_TEST_FAULTS=1, this cookie set to `root-layout` makes the root layout fail, so app/global-error.tsx shows (`page`: see failPageOnPurpose). */
export const TEST_FAULT_COOKIE = 'mend-test-fault';

/** Fails the root layout on purpose when the test server asks for it; anywhere else it does nothing. */
export function failRootLayoutOnPurpose(cookie: string | undefined): void {
  if (process.env.MEND_TEST_FAULTS === '1' && cookie === 'root-layout') throw new Error('The root layout failed on purpose (MEND_TEST_FAULTS).');
}

/**
 * With MEND_TEST_FAULTS=1, the same cookie set to `page` makes the real pages that call this fail on the server
 * (the caseload, the portal's home) as a failed read would, until it is cleared: so a spec can see "Try again"
 * fetch the page anew and recover. Anywhere else it does nothing and reads nothing.
 */
export async function failPageOnPurpose(): Promise<void> {
  if (process.env.MEND_TEST_FAULTS !== '1') return;
  const jar = await cookies();
  if (jar.get(TEST_FAULT_COOKIE)?.value === 'page') throw new Error('This page failed on purpose (MEND_TEST_FAULTS).');
}
