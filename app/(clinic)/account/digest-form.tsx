'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState } from 'react';
import { SubmitButton, valueOf } from '@/app/_components/form';
import { saveDigestPreference } from '@/lib/notifications/actions';
import { checkClass } from '@/app/_components/design/checkbox';

export function DigestForm({ dailyDigest }: { dailyDigest: boolean }) {
  const [state, action] = useActionState(saveDigestPreference, null);
  const checked = state && !state.ok ? valueOf(state, 'dailyDigest') === 'on' : state?.ok ? (state.data as { dailyDigest: boolean }).dailyDigest : dailyDigest;
  return (
    <form action={action} className="space-y-3">
      <FormOutcome state={state} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="dailyDigest" defaultChecked={checked} key={String(checked)} className={`${checkClass} mt-0.5`} />
        <span>
          <span className="font-medium text-slate-900">Email me a daily summary</span>
          <span className="block text-slate-600">
            Each morning: how many submissions wait for review, open alerts, and clients without a check-in for 7 days. Counts only, no names.
          </span>
        </span>
      </label>
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
