import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };

let transport: Transporter | null = null;
let transportUrl: string | null = null;

/** True when the deployment sends email (SMTP_URL set); otherwise links are handed to the admin. */
export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

function transporter(): Transporter {
  const url = process.env.SMTP_URL!.trim();
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

/**
 * Sends one plain-text message through SMTP_URL. Callers keep clinical information out of the
 * text; this layer never logs the recipient or the body, only that delivery failed.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!emailConfigured()) throw new Error('SMTP_URL is not set');
  const from = process.env.EMAIL_FROM?.trim() || 'Mend <no-reply@mend.invalid>';
  await transporter().sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
}
