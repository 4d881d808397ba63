import 'server-only';
import { notFound } from 'next/navigation';

/**
 * A page that fails on purpose, so the end-to-end suite can see the error pages as a person would
 * (MEND_TEST_FAULTS=1, set only by scripts/e2e-server.mjs). Anywhere else the page does not exist.
 */
export function failOnPurpose(): never {
  if (process.env.MEND_TEST_FAULTS !== '1') notFound();
  throw new Error('This page failed on purpose (MEND_TEST_FAULTS).');
}
