import type { Instrumentation } from 'next';
import { errorClass } from './db/errors';

export async function register() {
  // Database and secrets exist only in the Node.js server, never in an edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}

/**
 * Every error a page, route handler or action threw, once: its digest (the reference the error
 * page shows), the route's pattern and the error's class. Never the message or the URL: a
 * database error's message quotes the SQL and its values, and a query string can hold a search for
 * a client's name. The query layer already strips statements from database errors (db/client.ts).
 */
export const onRequestError: Instrumentation.onRequestError = (error, _request, context) => {
  const digest = (error as { digest?: unknown })?.digest;
  console.error(`[request ${context.routeType} ${context.routePath}] failed (${typeof digest === 'string' ? digest : 'no digest'}): ${errorClass(error)}`);
};
