import 'server-only';
import { practices } from '@/db/schema';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PRACTICE_IDS } from '@/db/seed/demo';

/** The demo logins, only when this database holds the demo practice (never on real data). */
export async function demoLoginsIfSeeded() {
  const present = await withPracticeSystem({ practiceId: DEMO_PRACTICE_IDS.northside }, async (tx) => {
    const rows = await tx.select({ isDemo: practices.isDemo }).from(practices).limit(1);
    return rows[0]?.isDemo === true;
  }).catch(() => false);
  return present ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD } : null;
}
