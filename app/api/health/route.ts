import { NextResponse } from 'next/server';
import { isDraining } from '@/lib/runtime/draining';

export const dynamic = 'force-dynamic';

/** Liveness for a load balancer: the process answers. Says nothing about any practice or person. */
export function GET() {
  return NextResponse.json({ status: 'alive', draining: isDraining() }, { headers: { 'Cache-Control': 'no-store' } });
}
