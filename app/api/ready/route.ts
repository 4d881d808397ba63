import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/runtime/readiness';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 when the database answers and its migrations are current, else 503. */
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(
    { status: readiness.ready ? 'ready' : 'not ready', ...readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
