import { getToken } from 'next-auth/jwt';
import { type NextRequest, NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { getAuthSecret } from '@/lib/auth/secret';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/security/headers';
import { malformedUrlReason } from '@/lib/security/input';

const SESSION_COOKIE = authConfig.cookies.sessionToken;

/**
 * Whether the request carries a session cookie this server sealed (its row is checked by every page and action).
 * Read here without Auth.js's `auth()` wrapper: that wrapper puts the session cookie the request carried back on
 * every response, so a request still in flight when the person changed their password, signed out or signed in
 * again (a password-strength check, an autosave, a prefetch) wrote its older cookie over the new one, and the
 * person was signed out of the session they had just been given. Only sign-in and sign-out set the cookie now.
 */
async function carriesSession(request: NextRequest): Promise<boolean> {
  const token = await getToken({
    req: request,
    secret: getAuthSecret(),
    cookieName: SESSION_COOKIE.name,
    salt: SESSION_COOKIE.name,
    secureCookie: SESSION_COOKIE.options.secure,
  });
  return typeof token?.sessionId === 'string' && typeof token.sub === 'string';
}

// /dev/outbox exists only in development (a 404 in production): the invited read their email there signed out.
// /api/health and /api/ready answer a load balancer, which has no session.
// /unsubscribe (the page) and /api/unsubscribe (RFC 8058 one-click POST) are reached from a reminder email,
// signed out: the signed token says whose reminders stop.
const PUBLIC_PATHS = ['/login', '/invite', '/reset-password', '/signup', '/unsubscribe', '/api/unsubscribe', '/api/auth', '/dev/outbox', '/api/health', '/api/ready'];

/**
 * Only sends the signed-out to the sign-in page. It is never the authorization check: every
 * page and action resolves its actor from the database itself.
 */
export default async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const signedIn = await carriesSession(request);
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const headers = { 'Content-Security-Policy': csp, ...securityHeaders({ production: process.env.NODE_ENV === 'production', signedIn }) };
  let response: NextResponse;
  // One place for every page, route handler and action URL: a path or query that is not valid
  // text (bad percent-encoding, a NUL byte) never reaches a page's parser or a query.
  const malformed = malformedUrlReason(request.url);
  if (malformed) {
    response = new NextResponse(`400 Bad Request: ${malformed}\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  } else if (!signedIn && !isPublic && request.method === 'GET') {
    response = NextResponse.redirect(new URL('/login', request.nextUrl.origin));
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/|robots.txt).*)'],
};
