import 'server-only';
import { cache } from 'react';
import { can } from '@/lib/access/permissions';
import { canReadClinical, loadPage } from '@/lib/access/scope';
import { listClientAlerts } from '@/lib/alerts/queries';
import { assignableItems, clientAssignments } from '@/lib/assignments/queries';
import type { Actor } from '@/lib/auth/types';
import { getClientMeasureSummary, getClientOverview } from '@/lib/measures/client-overview';
import type { OverviewRange } from '@/lib/measures/overview';
import { listMeasureSchedules } from '@/lib/measures/schedules';
import { clientReminderStatus } from '@/lib/reminders/queries';
import { clientSubmissionList, thoughtRecordTrend } from '@/lib/submissions/queries';
import { getClientHeader } from './queries';
import { clientRecordHeadline } from './record-headline';

/*
 * The client record's page loader. The page reads its header, its headline and the chosen section's data in
 * one transaction (`loadPage`); each section component then asks for its own part through the request-memoised
 * readers below (React `cache`, keyed on the request's actor object and the same arguments), so it receives
 * what the page's transaction read instead of opening a transaction of its own. Used only while rendering the
 * record page: an action never sees a memoised value.
 */

export const recordOverview = cache((actor: Actor, clientId: string, range: OverviewRange) =>
  getClientOverview(actor, clientId, range),
);
export const recordSummary = cache((actor: Actor, clientId: string) => getClientMeasureSummary(actor, clientId));
export const recordReminders = cache((actor: Actor, clientId: string) => clientReminderStatus(actor, clientId));
export const recordAlerts = cache((actor: Actor, clientId: string) => listClientAlerts(actor, clientId));
export const recordSchedules = cache((actor: Actor, clientId: string) => listMeasureSchedules(actor, clientId));
export const recordHomework = cache((actor: Actor, clientId: string) => clientAssignments(actor, clientId));
export const recordAssignable = cache((actor: Actor) => assignableItems(actor));
export const recordSubmissions = cache((actor: Actor, clientId: string) => clientSubmissionList(actor, clientId));
export const recordThoughtRecordTrend = cache((actor: Actor, clientId: string) => thoughtRecordTrend(actor, clientId));

/**
 * The chosen section's clinical read of the client's completed administrations, when it has one: the overview's
 * summary, or the charts' overview of the measures and check-ins sections. The headline takes its latest scores
 * from it instead of reading them again.
 */
function sectionMeasures(actor: Actor, clientId: string, section: string, range: OverviewRange, clinical: boolean) {
  if (!clinical) return null;
  if (section === 'overview') return recordSummary(actor, clientId);
  if (section === 'measures' || section === 'checkins') return recordOverview(actor, clientId, range);
  return null;
}

/** What the chosen section shows besides its measures, started inside the page's transaction (the section components await it). */
function sectionReads(actor: Actor, clientId: string, section: string): Promise<unknown>[] {
  switch (section) {
    case 'overview':
      return [recordReminders(actor, clientId)];
    case 'homework': {
      const mayAssign = can(actor.role, 'assignment.create') && actor.careTeamClientIds.has(clientId);
      const mayReview = can(actor.role, 'submission.review') && canReadClinical(actor, clientId);
      return [
        recordHomework(actor, clientId),
        ...(mayAssign ? [recordAssignable(actor)] : []),
        recordSubmissions(actor, clientId),
        ...(mayReview ? [recordThoughtRecordTrend(actor, clientId)] : []),
      ];
    }
    case 'alerts':
      return [recordAlerts(actor, clientId)];
    case 'schedules':
      return [recordSchedules(actor, clientId)];
    default:
      return [];
  }
}

/**
 * The record's header (null when it is not the actor's to see), its headline with the page's read audit (care
 * team only), and the chosen section's reads, all in one transaction. `clinical` is whether the clinical
 * sections are shown, as the page decides it (the care team, with the permission).
 */
export async function loadClientRecord(
  actor: Actor,
  clientId: string,
  section: string,
  range: OverviewRange,
  clinical: boolean,
) {
  return loadPage(actor, async () => {
    const measures = sectionMeasures(actor, clientId, section, range, clinical);
    const [client, headline] = await Promise.all([
      getClientHeader(actor, clientId),
      clinical ? clientRecordHeadline(actor, clientId, section, measures ?? undefined) : null,
      measures,
      ...sectionReads(actor, clientId, section),
    ]);
    return { client, headline };
  });
}
