'use client';

import { useActionState } from 'react';
import { endOtherSessions } from '@/lib/auth/actions';
import { Button } from './design/button';
import { Badge } from './ui';

export type SessionRow = { id: string; device: string; started: string; lastSeen: string; current: boolean };

/** One "sign out there" button (a session id, or `others` for all but this browser), with its outcome beside it. */
function EndSessionButton({ sessionId, label, accessibleLabel }: { sessionId: string; label: string; accessibleLabel: string }) {
  const [state, run, pending] = useActionState(endOtherSessions, null);
  return (
    <form action={run} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" pending={pending} aria-label={accessibleLabel}>
        {pending ? 'Signing out…' : label}
      </Button>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="max-w-xs text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}

/** The person's active sessions: where, since when, last used; every one but this browser can be ended. */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100" aria-label="Active sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
            <div>
              <p className="font-medium text-slate-900">
                {s.device}
                {s.current ? (
                  <span className="ml-2">
                    <Badge tone="brand">This browser</Badge>
                  </span>
                ) : null}
              </p>
              <p className="text-slate-600">
                Signed in {s.started} · last active {s.lastSeen}
              </p>
            </div>
            {s.current ? null : <EndSessionButton sessionId={s.id} label="Sign out" accessibleLabel={`Sign out ${s.device}, signed in ${s.started}`} />}
          </li>
        ))}
      </ul>
      {others.length > 1 ? <EndSessionButton sessionId="others" label="Sign out everywhere else" accessibleLabel="Sign out everywhere else" /> : null}
    </div>
  );
}
