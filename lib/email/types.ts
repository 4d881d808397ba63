/** One plain-text message. Callers keep clinical information out of it: email is not a private channel. */
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  /** A stable id (the email outbox row's), so a receiving server can recognise a repeat. */
  messageId?: string;
  /** e.g. List-Unsubscribe on reminders. */
  headers?: Record<string, string>;
};

/** Where a message went: an SMTP server, or the development outbox under the data folder. */
export type EmailTransportKind = 'smtp' | 'dev-outbox';

export type SentEmail = { transport: EmailTransportKind; id: string };
