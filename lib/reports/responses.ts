import type { CsvDownload } from './exports';

/** HTTP answers shared by the report's route handlers: nothing cached, nothing sniffed. */

const PRIVATE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export function csvResponse(download: CsvDownload): Response {
  return new Response(download.body, {
    headers: {
      ...PRIVATE,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${download.filename}"`,
    },
  });
}

export function fhirResponse(resource: unknown, status = 200): Response {
  return new Response(JSON.stringify(resource, null, 2), {
    status,
    headers: { ...PRIVATE, 'content-type': 'application/fhir+json; charset=utf-8' },
  });
}

/** FHIR's way of saying no: an OperationOutcome. "Not found" also answers "not yours", so the two look the same. */
export function fhirRefusal(status: 401 | 404): Response {
  const issue =
    status === 401
      ? { severity: 'error', code: 'login', diagnostics: 'Sign in first.' }
      : {
          severity: 'error',
          code: 'not-found',
          diagnostics: 'That record was not found, or you do not have access to it.',
        };
  return fhirResponse({ resourceType: 'OperationOutcome', issue: [issue] }, status);
}

export function textRefusal(status: 401 | 404): Response {
  return new Response(status === 401 ? 'Sign in to download this file.' : 'Not found.', { status, headers: PRIVATE });
}
