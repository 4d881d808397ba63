import { randomUUID } from 'node:crypto';
import { errorClass } from '@/db/errors';

/**
 * Logs an unexpected failure as a short reference and the error's class (and SQLSTATE): never its
 * message, which for a database error quotes the SQL and the submitted values. The reference is
 * shown to the person ("ref 1a2b3c4d") so a report can be matched to the log line.
 */
export function logServerError(where: string, error: unknown): string {
  const errorId = randomUUID().slice(0, 8);
  console.error(`[${where}] failed (${errorId}): ${errorClass(error)}`);
  return errorId;
}
