import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/**
 * The keys that sign Web Push messages. In production set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY
 * (every instance must share them; `npx web-push generate-vapid-keys` makes a pair) and VAPID_SUBJECT
 * (a mailto: or https: contact). In development a pair is generated on first start and kept under
 * .data/, like the session secret. Production without keys has no push: null.
 */
export function getVapidKeys(): VapidKeys | null {
  const subject = process.env.VAPID_SUBJECT?.trim() || 'mailto:no-reply@mend.invalid';
  const publicKey = process.env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = process.env.VAPID_PRIVATE_KEY?.trim();
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  if (process.env.NODE_ENV === 'production' || process.env.NEXT_PHASE === 'phase-production-build') return null;
  const dir = process.env.MEND_DATA_DIR?.trim() && process.env.MEND_DATA_DIR !== ':memory:' ? process.env.MEND_DATA_DIR : path.join(process.cwd(), '.data');
  const file = path.join(dir, 'vapid-keys.json');
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...stored, subject };
  } catch {
    // Generated below, once.
  }
  fs.mkdirSync(dir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  try {
    fs.writeFileSync(file, JSON.stringify(keys), { flag: 'wx', mode: 0o600 });
    return { ...keys, subject };
  } catch {
    // Another part of the server wrote it first.
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...stored, subject };
  }
}
