import 'server-only';

/**
 * The origin links are built on. APP_URL wins (set it wherever email is sent, so a forged Host
 * header can never steer a link elsewhere); otherwise the request's own host, which is what the
 * admin is looking at when the link is shown to them.
 */
export async function appOrigin(): Promise<string> {
  const configured = process.env.APP_URL?.trim() || process.env.AUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  try {
    const { headers } = await import('next/headers');
    const h = await headers();
    const host = h.get('x-forwarded-host') ?? h.get('host');
    if (host && /^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
      const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
      return `${proto}://${host}`;
    }
  } catch {
    // Outside a request (tests, scripts): fall through to the local default.
  }
  return 'http://localhost:3000';
}

export type LinkKind = 'invite' | 'reset';

export function linkPath(kind: LinkKind, token: string): string {
  return kind === 'invite' ? `/invite/${token}` : `/reset-password/${token}`;
}
