import 'server-only';
import { cookies } from 'next/headers';
import type { Actor } from '@/lib/auth/types';
import { secureCookies } from '@/lib/auth/cookie-policy';
import { LIST_SEARCHES, type ListSearch, decodeSearchCookie, encodeSearchCookie, searchCookieName } from './list-search-value';

export { LIST_SEARCHES, type ListSearch } from './list-search-value';

/**
 * The one place a list's search term is read and kept (why: ./list-search-value.ts). Pages and the roster's CSV
 * export read the term here, never from the URL; the search forms post to the actions in ./list-search-actions.ts.
 */
export async function listSearchTerm(actor: Pick<Actor, 'sessionId'>, list: ListSearch): Promise<string> {
  const jar = await cookies();
  return decodeSearchCookie(jar.get(searchCookieName(list, secureCookies))?.value, actor.sessionId);
}

/** Keeps a term for this browser's session (a session cookie: it ends with the browser); an empty term forgets it. */
export async function keepListSearch(actor: Pick<Actor, 'sessionId'>, list: ListSearch, term: string): Promise<void> {
  const jar = await cookies();
  const name = searchCookieName(list, secureCookies);
  if (!term) {
    jar.delete({ name, path: '/', secure: secureCookies, httpOnly: true, sameSite: 'lax' });
    return;
  }
  jar.set(name, encodeSearchCookie(actor.sessionId, term), { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' });
}

/** Signing out forgets every list's term (another person's sign-in would not read them anyway: they are bound). */
export async function forgetListSearches(): Promise<void> {
  const jar = await cookies();
  for (const list of Object.keys(LIST_SEARCHES) as ListSearch[]) {
    const name = searchCookieName(list, secureCookies);
    if (jar.has(name)) jar.delete({ name, path: '/', secure: secureCookies, httpOnly: true, sameSite: 'lax' });
  }
}

/** What a plain `<form action>` calls (FormData in, nothing back). */
export type SearchFormAction = (form: FormData) => Promise<void>;

/**
 * A search action as a form's action: bound to no previous state, so a native post (before the page's script runs)
 * and a scripted one call it the same way; its answer is a redirect back to the list.
 */
export function searchFormAction(action: (previous: null, payload: FormData) => Promise<unknown>): SearchFormAction {
  return action.bind(null, null) as unknown as SearchFormAction;
}
