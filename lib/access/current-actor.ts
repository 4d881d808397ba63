import 'server-only';
import type { Actor } from '@/lib/auth/types';

type ActorResolver = () => Promise<Actor | null>;
const slot = globalThis as unknown as { __mendActorResolver?: ActorResolver };

/** The actor of the current request (from the session cookie, re-read from the database). */
export async function currentActor(): Promise<Actor | null> {
  if (slot.__mendActorResolver) return slot.__mendActorResolver();
  const { getActor } = await import('@/lib/auth/actor');
  return getActor();
}

/** Integration tests call actions as a given actor without a browser. Refused outside tests. */
export function actAsForTests(resolver: ActorResolver | null): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('actAsForTests is only available in tests.');
  slot.__mendActorResolver = resolver ?? undefined;
}
