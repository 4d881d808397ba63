'use client';

import { useActionState } from 'react';
import { Field, SubmitButton, valueOf } from '@/app/_components/form';
import { FormToast } from '@/app/_components/form-toast';
import { TimeZoneSelect } from '@/app/_components/time-zone-select';
import { saveReminderPreferences } from '@/lib/reminders/actions';
import type { ReminderSettings } from '@/lib/reminders/rules';
import { choiceBoxClass, choiceClass } from '@/app/_components/design/choice';

function Check({ name, label, hint, checked }: { name: string; label: string; hint?: string; checked: boolean }) {
  return (
    <label className={choiceClass({ look: 'tint', layout: 'row' })}>
      <input type="checkbox" name={name} defaultChecked={checked} key={String(checked)} className={choiceBoxClass} />
      <span>
        <span className="font-medium text-slate-900">{label}</span>
        {hint ? <span className="block text-slate-600">{hint}</span> : null}
      </span>
    </label>
  );
}

export function RemindersForm({ initial, timeZones }: { initial: ReminderSettings; timeZones: string[] }) {
  const [state, action] = useActionState(saveReminderPreferences, null);
  // After a refused save the form shows what was sent, not what is stored.
  const checked = (name: 'enabled' | 'email' | 'push') => (state && !state.ok ? valueOf(state, name) === 'on' : initial[name]);
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormToast state={state} />
      <Check name="enabled" label="Send me reminders" hint="One a day at most, and only when something is waiting for you." checked={checked('enabled')} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">How</legend>
        <Check name="email" label="By email" checked={checked('email')} />
        <Check name="push" label="As a notification on my devices" hint="Turn it on for each phone or computer below." checked={checked('push')} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">When</legend>
        <Field name="checkinTime" label="Remind me at" type="time" state={state} defaultValue={initial.checkinTime} hint="Your own time, in the time zone below." required />
        <TimeZoneSelect state={state} initial={initial.timeZone} timeZones={timeZones} hint="Where you are, so reminders come at your time of day." />
        <div className="grid grid-cols-2 gap-3">
          <Field name="quietStart" label="Quiet hours from" type="time" state={state} defaultValue={initial.quietStart} required />
          <Field name="quietEnd" label="Quiet hours until" type="time" state={state} defaultValue={initial.quietEnd} required />
        </div>
        <Field name="weeklyCap" label="At most this many a week" type="number" inputMode="numeric" state={state} defaultValue={String(initial.weeklyCap)} required />
        <Field name="pausedUntil" label="Pause reminders until (optional)" type="date" state={state} defaultValue={initial.pausedUntil ?? ''} hint="No reminders up to and including this day." />
      </fieldset>
      <SubmitButton>Save reminder settings</SubmitButton>
    </form>
  );
}
