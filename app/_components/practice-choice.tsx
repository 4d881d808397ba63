'use client';

import { useActionState } from 'react';
import { choosePractice } from '@/lib/auth/practice-actions';
import { FormMessage, SubmitButton } from './form';

export type PracticeChoiceItem = { membershipId: string; practiceName: string; role: string; current: boolean };

const ROLE_WORDS: Record<string, string> = { admin: 'Admin', therapist: 'Therapist', client: 'Client' };

/** The person's practices, each with a button that moves this session into it (the server re-checks). */
export function PracticeChoice({ practices }: { practices: PracticeChoiceItem[] }) {
  const [state, action] = useActionState(choosePractice, null);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Your practices">
        {practices.map((p) => (
          <li key={p.membershipId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div>
              <p className="font-medium text-slate-900">{p.practiceName}</p>
              <p className="text-sm text-slate-600">{ROLE_WORDS[p.role] ?? p.role}</p>
            </div>
            {p.current ? (
              <span className="text-sm font-medium text-brand-800">Current</span>
            ) : (
              <form action={action}>
                <input type="hidden" name="membershipId" value={p.membershipId} />
                <SubmitButton pendingLabel="Opening…">{`Open ${p.practiceName}`}</SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
