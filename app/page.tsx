import { redirect } from 'next/navigation';
import { getSession } from '@/lib/auth/actor';
import { homeFor } from '@/lib/auth/home';

export default async function Home() {
  const session = await getSession();
  // Signed in to several practices and none chosen yet: pick one first.
  if (session && !session.actor) redirect('/choose-practice');
  redirect(session?.actor ? homeFor(session.actor.role) : '/login');
}
