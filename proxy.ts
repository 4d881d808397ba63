import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = ['/login', '/invite', '/reset-password', '/signup', '/api/auth'];

/**
 * Only sends the signed-out to the sign-in page. It is never the authorization check: every
 * page and action resolves its actor from the database itself.
 */
export default auth((request) => {
  const { pathname } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!request.auth && !isPublic && request.method === 'GET') {
    return NextResponse.redirect(new URL('/login', request.nextUrl.origin));
  }
  return NextResponse.next();
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};
