import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '@/lib/runtime/data-dir';
import type { OutgoingEmail } from './types';

/**
 * The development transport: each message is one JSON file under `<data folder>/outbox`, listed
 * on /dev/outbox. It replaces any log line carrying a link: a server log is read by more people than
 * the one a message is for. Never used in production.
 */
export type OutboxMessage = OutgoingEmail & { id: string; createdAt: string };

/** The outbox and its page exist outside production only. */
export function devOutboxAvailable(): boolean {
  return process.env.NODE_ENV !== 'production';
}

const ID_PATTERN = /^[0-9a-f-]{36}$/;

export function outboxDir(): string {
  return path.join(dataDir(), 'outbox');
}

export async function writeToOutbox(mail: OutgoingEmail): Promise<OutboxMessage> {
  const message: OutboxMessage = { id: randomUUID(), createdAt: new Date().toISOString(), to: mail.to, subject: mail.subject, text: mail.text };
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // The time first, so a directory listing is already in the order the messages were written.
  const name = `${message.createdAt.replace(/[:.]/g, '-')}_${message.id}.json`;
  const temporary = path.join(dir, `.${name}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(message), { mode: 0o600 });
  await fs.rename(temporary, path.join(dir, name));
  return message;
}

function parseMessage(raw: string): OutboxMessage | null {
  try {
    const value = JSON.parse(raw) as Partial<OutboxMessage>;
    if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) return null;
    if (typeof value.to !== 'string' || typeof value.subject !== 'string' || typeof value.text !== 'string' || typeof value.createdAt !== 'string') return null;
    return { id: value.id, createdAt: value.createdAt, to: value.to, subject: value.subject, text: value.text };
  } catch {
    return null;
  }
}

/** Newest first; files that are not outbox messages are skipped. */
export async function listOutbox(options: { limit?: number; to?: string } = {}): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await fs.readdir(outboxDir());
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().reverse();
  const limit = options.limit ?? 100;
  const wanted = options.to?.toLowerCase();
  const messages: OutboxMessage[] = [];
  for (const name of files) {
    if (messages.length >= limit) break;
    const message = parseMessage(await fs.readFile(path.join(outboxDir(), name), 'utf8').catch(() => ''));
    if (message && (!wanted || message.to.toLowerCase() === wanted)) messages.push(message);
  }
  return messages;
}
