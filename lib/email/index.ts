import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { devOutboxAvailable, writeToOutbox } from './dev-outbox';
import type { EmailTransportKind, OutgoingEmail, SentEmail } from './types';

export type { EmailTransportKind, OutgoingEmail, SentEmail } from './types';

export class EmailNotConfiguredError extends Error {
  constructor() {
    super('No email transport: set SMTP_URL to send email in production.');
    this.name = 'EmailNotConfiguredError';
  }
}

let transport: Transporter | null = null;
let transportUrl: string | null = null;

/** True when the deployment delivers email to people (SMTP_URL set); otherwise links are handed to the admin. */
export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/**
 * Which transport `sendEmail` uses: SMTP when SMTP_URL is set; outside production the development
 * outbox (files under the data folder, listed on /dev/outbox); in production without SMTP, none.
 */
export function emailTransport(): EmailTransportKind | null {
  if (emailConfigured()) return 'smtp';
  if (devOutboxAvailable()) return 'dev-outbox';
  return null;
}

function smtp(): Transporter {
  const url = process.env.SMTP_URL!.trim();
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

/**
 * Sends one message through the configured transport and says where it went. Throws
 * EmailNotConfiguredError when there is none (production without SMTP_URL), and the transport's
 * own error when delivery fails. This layer never logs: not the recipient, not the body, which may
 * carry a link that opens an account.
 */
export async function sendEmail(mail: OutgoingEmail): Promise<SentEmail> {
  const kind = emailTransport();
  if (kind === 'smtp') {
    const from = process.env.EMAIL_FROM?.trim() || 'Mend <no-reply@mend.invalid>';
    const info = await smtp().sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId, headers: mail.headers });
    return { transport: 'smtp', id: String(info.messageId ?? '') };
  }
  if (kind === 'dev-outbox') {
    const message = await writeToOutbox(mail);
    return { transport: 'dev-outbox', id: message.id };
  }
  throw new EmailNotConfiguredError();
}
