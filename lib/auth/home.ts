import type { Role } from './types';

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === 'client') return '/portal';
  if (role === 'admin') return '/admin';
  return '/caseload';
}
