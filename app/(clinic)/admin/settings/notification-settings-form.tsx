'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState } from 'react';
import { Field, SubmitButton, valueOf } from '@/app/_components/form';
import { savePracticeNotificationSettings } from '@/lib/notifications/actions';
import type { PracticeReminderDefaults } from '@/lib/reminders/rules';
import { checkClass } from '@/app/_components/design/checkbox';

export function NotificationSettingsForm({ initial }: { initial: PracticeReminderDefaults }) {
  const [state, action] = useActionState(savePracticeNotificationSettings, null);
  const on = state && !state.ok ? valueOf(state, 'remindersOnByDefault') === 'on' : initial.remindersOnByDefault;
  return (
    <form action={action} className="max-w-3xl space-y-4" noValidate>
      <FormOutcome state={state} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="remindersOnByDefault" defaultChecked={on} key={String(on)} className={`${checkClass} mt-0.5`} />
        <span>
          Remind clients by default
          <span className="block text-slate-600">Clients who have not chosen get these settings; each can change or stop them in the portal.</span>
        </span>
      </label>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field name="defaultCheckinTime" label="Reminder time" type="time" state={state} defaultValue={initial.defaultCheckinTime} required />
        <Field name="defaultWeeklyCap" label="At most this many a week" type="number" inputMode="numeric" state={state} defaultValue={String(initial.defaultWeeklyCap)} required />
        <Field name="defaultQuietStart" label="Quiet hours from" type="time" state={state} defaultValue={initial.defaultQuietStart} required />
        <Field name="defaultQuietEnd" label="Quiet hours until" type="time" state={state} defaultValue={initial.defaultQuietEnd} required />
      </div>
      <Field
        name="escalationWindowMinutes"
        label="Notify the care team when an urgent alert is unacknowledged for (minutes)"
        type="number"
        inputMode="numeric"
        state={state}
        defaultValue={String(initial.escalationWindowMinutes)}
        hint="15 to 1,440. Admins are notified as well once it has waited 24 hours."
        required
      />
      <SubmitButton>Save reminder settings</SubmitButton>
    </form>
  );
}
