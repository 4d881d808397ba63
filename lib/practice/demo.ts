import 'server-only';
import { practices } from '@/db/schema';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PRACTICE_IDS } from '@/db/seed/demo';
import { demoModeEnabled } from '@/db/config';

/**
 * The demo logins, only in a demo (development or MEND_DEMO=1) and only when this database holds the
 * demo practice: a production server never advertises accounts with a published password.
 */
export async function demoLoginsIfSeeded() {
  if (!demoModeEnabled()) return null;
  const present = await withPracticeSystem({ practiceId: DEMO_PRACTICE_IDS.northside }, async (tx) => {
    const rows = await tx.select({ isDemo: practices.isDemo }).from(practices).limit(1);
    return rows[0]?.isDemo === true;
  }).catch(() => false);
  return present ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD } : null;
}
