import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { devOutboxAvailable, listOutbox } from '@/lib/email/dev-outbox';

export const metadata: Metadata = { title: 'Development outbox · Mend', robots: { index: false } };

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** Message text with its links made clickable; everything else stays plain text. */
function MessageText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-brand-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/**
 * The emails Mend would have sent, kept under the data folder in development. It does not exist in
 * production: there, mail goes through SMTP_URL or the link is shown to the admin who made it.
 */
export default async function DevOutboxPage() {
  if (!devOutboxAvailable()) notFound();
  const messages = await listOutbox({ limit: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader title="Development outbox" description="Emails Mend sent in development, newest first. Production sends through SMTP_URL instead." />
      {messages.length === 0 ? (
        <EmptyState title="No emails yet">Invitations, password resets and sign-up confirmations appear here.</EmptyState>
      ) : (
        <ol className="space-y-4" aria-label="Emails">
          {messages.map((message) => (
            <li key={message.id}>
              <Card>
                <h2 className="text-base font-semibold text-slate-900">{message.subject}</h2>
                <p className="mt-1 text-sm text-slate-600">
                  To {message.to} · <time dateTime={message.createdAt}>{message.createdAt.replace('T', ' ').slice(0, 19)} UTC</time>
                </p>
                <MessageText text={message.text} />
              </Card>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
