import 'server-only';
import { can } from '@/lib/access/permissions';
import { loadPage } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import type { LibraryEntry } from '@/lib/exercises/catalog';
import { listLibrary } from '@/lib/exercises/library';
import { listPracticeTherapists, loadRoster, type RosterPage } from './roster';
import type { RosterView } from './view';

export type CaseloadPageData = {
  roster: RosterPage;
  /** The admin's therapist filter (empty for a therapist). */
  therapists: { membershipId: string; name: string }[];
  /** The exercises the bulk-assign form offers, when the viewer may assign to someone on the roster; else null. */
  library: LibraryEntry[] | null;
};

/** Whether the roster offers bulk assignment: the permissions, and a care team to assign to. */
export function mayAssignFromRoster(actor: Actor): boolean {
  return can(actor.role, 'assignment.create') && can(actor.role, 'library.view') && actor.careTeamClientIds.size > 0;
}

/**
 * The caseload page's loader: the roster page (audited as shown, in the same transaction), the admin's
 * therapist filter and the library for bulk assignment, read together in one transaction (`loadPage`)
 * instead of one per query function.
 */
export function loadCaseloadPage(actor: Actor, view: RosterView): Promise<CaseloadPageData> {
  return loadPage(actor, async () => {
    const [roster, therapists, library] = await Promise.all([
      loadRoster(actor, view, { recordView: true }),
      listPracticeTherapists(actor),
      mayAssignFromRoster(actor) ? listLibrary(actor) : null,
    ]);
    return { roster, therapists, library };
  });
}
