/**
 * A database failure as the application may carry and log it: its class and SQLSTATE only.
 * Driver and drizzle errors quote the SQL, the bound values ("Failed query: … params: …") and
 * often the offending value itself ('invalid input syntax for type uuid: "…"'), any of which can
 * be a client's words; none of that leaves the database layer.
 */
export class DatabaseError extends Error {
  readonly code: string | undefined;
  constructor(code: string | undefined) {
    super(code ? `The database refused the statement (SQLSTATE ${code}).` : 'The database statement failed.');
    this.name = 'DatabaseError';
    this.code = code;
  }
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function sqlstateOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return code;
  }
  return undefined;
}

/** An error raised by the database or by the query layer around it (drizzle, postgres.js, PGlite). */
export function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof DatabaseError) return false;
  if (error.name === 'DrizzleQueryError' || error.name === 'PostgresError') return true;
  const fields = error as Error & { severity?: unknown; routine?: unknown; query?: unknown; params?: unknown };
  // drizzle's query error (its name is plain "Error") carries the statement and its parameters.
  if (fields.query !== undefined && fields.params !== undefined) return true;
  return sqlstateOf(error) !== undefined && (fields.severity !== undefined || fields.routine !== undefined || fields.query !== undefined);
}

/** The same failure without its SQL, parameters or message; anything else passes through unchanged. */
export function withoutStatement(error: unknown): unknown {
  return isDatabaseError(error) ? new DatabaseError(sqlstateOf(error)) : error;
}

/** One line for a log or a console: the error's class and, for a database error, its SQLSTATE. Never its message. */
export function errorClass(error: unknown): string {
  const safe = withoutStatement(error);
  const name = (safe as Error)?.name ?? 'Error';
  const code = (safe as { code?: unknown })?.code;
  return typeof code === 'string' && code ? `${name} ${code}` : name;
}

/** What a script or the start-up check may print about a failure: a database error's class, anything else's message. */
export function printableError(error: unknown): string {
  return isDatabaseError(error) || error instanceof DatabaseError ? errorClass(error) : error instanceof Error ? error.message : String(error);
}
