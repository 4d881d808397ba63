import 'server-only';
import { cache } from 'react';
import { loadPage } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { myCheckinToday } from '@/lib/checkins/queries';
import { myDueMeasures } from '@/lib/measures/queries';
import { clientHomework, pinnedPlans } from '@/lib/submissions/queries';
import { myCareTeam } from './portal';

/*
 * The portal home's page loader: the care team, today's check-in, the measures due, today's homework and the
 * pinned safety plan are read in one transaction (`loadPage`). The home's sections ask for their part through
 * these request-memoised readers (React `cache`, keyed on the request's actor object), so they receive what
 * the page's transaction read instead of opening one each.
 */

export const homeCheckinToday = cache((actor: Actor) => myCheckinToday(actor));
export const homeDueMeasures = cache((actor: Actor) => myDueMeasures(actor));
export const homeHomework = cache((actor: Actor) => clientHomework(actor));
export const homePinnedPlans = cache((actor: Actor) => pinnedPlans(actor));

/** Everything the portal home shows, in one transaction; returns the care team (the page's own part). */
export async function loadPortalHome(actor: Actor): Promise<{ team: string[] }> {
  return loadPage(actor, async () => {
    const [team] = await Promise.all([
      myCareTeam(actor),
      homeCheckinToday(actor),
      homeDueMeasures(actor),
      homeHomework(actor),
      homePinnedPlans(actor),
    ]);
    return { team };
  });
}
