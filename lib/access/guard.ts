import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/home';
import type { Actor } from '@/lib/auth/types';
import { currentActor } from './current-actor';
import { can, type Permission } from './permissions';

/** For pages: the signed-in actor holding `permission`, or away they go (sign-in, or a 404 that reveals nothing). */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (permission && !can(actor.role, permission)) notFound();
  return actor;
}

/**
 * For portal pages: a client, or staff sent to their own home. Pages render in parallel with their
 * layout, so each portal page checks this itself rather than relying on the layout's redirect.
 */
export async function requireClientActor(): Promise<Actor & { clientId: string }> {
  const actor = await requirePageActor();
  if (actor.role !== 'client' || !actor.clientId) redirect(homeFor(actor.role));
  return actor as Actor & { clientId: string };
}

/** For domain queries: refuses a caller without the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new Error(`forbidden: ${permission}`);
}
