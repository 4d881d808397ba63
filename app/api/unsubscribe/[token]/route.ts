import { unsubscribeWithToken } from '@/lib/reminders/unsubscribe-with-token';
import { logServerError } from '@/lib/security/log';

const noStore = { 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' };

/**
 * RFC 8058 one-click unsubscribe: a mail client's "Unsubscribe" button POSTs here with the body
 * `List-Unsubscribe=One-Click`, signed out, and the channel stops at once. The signed token is the
 * only credential; nothing about the person is in the answer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    const channel = await unsubscribeWithToken(token);
    if (!channel) return new Response('This unsubscribe link is not valid.\n', { status: 400, headers: noStore });
    return new Response('Unsubscribed.\n', { status: 200, headers: noStore });
  } catch (error) {
    const errorId = logServerError('unsubscribe.oneClick', error);
    return new Response(`Something went wrong (ref ${errorId}). Please try again.\n`, { status: 503, headers: noStore });
  }
}

/** Someone who opens the header's address in a browser gets the page that asks before stopping anything. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return new Response(null, { status: 303, headers: { location: `/unsubscribe/${encodeURIComponent(token)}`, 'cache-control': 'no-store' } });
}
