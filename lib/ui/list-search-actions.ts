'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/access/action';
import type { Permission } from '@/lib/access/permissions';
import type { AuditAction } from '@/lib/audit/labels';
import { type ListSearch, keepListSearch } from './list-search';
import { listSearchHref, normalizeSearchTerm } from './list-search-value';

/**
 * A list's search form posts here (natively before the page's script runs): the term is kept server-side for this
 * session and the browser goes back to the list with its other filters in the URL, never the term.
 */
function searchAction(list: ListSearch, name: AuditAction, permission: Permission) {
  return defineAction({
    name,
    permission,
    input: z.looseObject({ q: z.unknown().optional(), clear: z.unknown().optional() }),
    run: async ({ actor, input, skipAudit }) => {
      // Searching records nothing: opening the rows it finds is what the trail records.
      skipAudit();
      const clear = input.clear !== undefined && input.clear !== '';
      await keepListSearch(actor, list, clear ? '' : normalizeSearchTerm(input.q));
      return { href: listSearchHref(list, input as Record<string, unknown>, clear) };
    },
    redirectTo: (data) => data.href,
  });
}

export const searchCaseload = searchAction('caseload', 'caseload.search', 'caseload.view');
export const searchClients = searchAction('clients', 'client.search', 'client.manage');
export const searchPeople = searchAction('people', 'people.search', 'people.view');
