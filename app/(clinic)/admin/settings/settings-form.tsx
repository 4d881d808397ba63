'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState, useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { Field, SubmitButton } from '@/app/_components/form';
import { updateSettings } from '@/lib/practice/actions';
import { TimeZoneSelect } from '@/app/_components/time-zone-select';
import { buttonClass } from '@/app/_components/design/button';
import { checkClass } from '@/app/_components/design/checkbox';
import { compactInputClass } from '@/app/_components/design/input-class';

type Contact = { label: string; phone: string };
type MeasureDefault = { measure: string; everyDays: number; atIntake: boolean };

export type SettingsValues = {
  name: string;
  timeZone: string;
  safetyQuestionEnabled: boolean;
  idleTimeoutMinutes: number;
  crisisContacts: Contact[];
  measureDefaults: MeasureDefault[];
};

type MeasureRow = { measure: string; label: string; enabled: boolean; everyDays: string; atIntake: boolean };

/**
 * The list fields (crisis numbers, default schedules) are held in state and sent as one `__json`
 * field, so the server receives real arrays and its errors can point at one row's field.
 */
export function SettingsForm({ initial, measures, timeZones }: { initial: SettingsValues; measures: { key: string; label: string }[]; timeZones: string[] }) {
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  const [state, action] = useActionState(updateSettings, null);
  const [contacts, setContacts] = useState<Contact[]>(initial.crisisContacts.length ? initial.crisisContacts : [{ label: '', phone: '' }]);
  const [rows, setRows] = useState<MeasureRow[]>(() =>
    measures.map((m) => {
      const current = initial.measureDefaults.find((d) => d.measure === m.key);
      return { measure: m.key, label: m.label, enabled: Boolean(current), everyDays: String(current?.everyDays ?? 30), atIntake: current?.atIntake ?? true };
    }),
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  const enabledRows = rows.filter((r) => r.enabled);
  const json = JSON.stringify({
    crisisContacts: contacts,
    measureDefaults: enabledRows.map((r) => ({ measure: r.measure, everyDays: r.everyDays, atIntake: r.atIntake })),
  });
  const safety = state && !state.ok ? state.values?.safetyQuestionEnabled === 'on' : initial.safetyQuestionEnabled;
  const input = compactInputClass;
  const err = (key: string) => errors[key]?.join(' ');
  return (
    <form ref={formRef} action={action} className="max-w-3xl space-y-8" noValidate>
      <input type="hidden" name="__json" value={json} />
      <FormOutcome state={state} />
      <section className="space-y-4" aria-labelledby="general-heading">
        <h2 id="general-heading" className="text-base font-semibold">Practice</h2>
        <Field name="name" label="Practice name" state={state} defaultValue={initial.name} required />
        <TimeZoneSelect state={state} initial={initial.timeZone} timeZones={timeZones} />
      </section>

      <section className="space-y-3" aria-labelledby="safety-heading">
        <h2 id="safety-heading" className="text-base font-semibold">Safety</h2>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="safetyQuestionEnabled" defaultChecked={safety} key={String(safety)} className={`${checkClass} mt-0.5`} />
          <span>
            Ask the daily safety question in check-ins
            <span className="block text-slate-600">&ldquo;Any thoughts of harming yourself today?&rdquo; A yes raises an urgent alert for the care team.</span>
          </span>
        </label>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">The practice&rsquo;s own crisis numbers</legend>
          <p className="text-xs text-slate-600">Shown on the crisis panel beside the national lines.</p>
          {contacts.map((c, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <div>
                <label className="sr-only" htmlFor={`contact-${i}-label`}>Crisis number {i + 1}: whose number</label>
                <input
                  id={`contact-${i}-label`}
                  placeholder="e.g. Practice duty line"
                  value={c.label}
                  onChange={(e) => setContacts(contacts.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
                  aria-invalid={err(`crisisContacts.${i}.label`) ? true : undefined}
                  className={input}
                />
                {err(`crisisContacts.${i}.label`) ? <p className="text-xs text-red-700">{err(`crisisContacts.${i}.label`)}</p> : null}
              </div>
              <div>
                <label className="sr-only" htmlFor={`contact-${i}-phone`}>Crisis number {i + 1}: phone</label>
                <input
                  id={`contact-${i}-phone`}
                  placeholder="Phone number"
                  inputMode="tel"
                  value={c.phone}
                  onChange={(e) => setContacts(contacts.map((x, j) => (j === i ? { ...x, phone: e.target.value } : x)))}
                  aria-invalid={err(`crisisContacts.${i}.phone`) ? true : undefined}
                  className={input}
                />
                {err(`crisisContacts.${i}.phone`) ? <p className="text-xs text-red-700">{err(`crisisContacts.${i}.phone`)}</p> : null}
              </div>
              <button type="button" onClick={() => setContacts(contacts.filter((_, j) => j !== i))} className={buttonClass('quiet')}>
                Remove
              </button>
            </div>
          ))}
          {err('crisisContacts') ? <p className="text-xs text-red-700">{err('crisisContacts')}</p> : null}
          {contacts.length < 10 ? (
            <button type="button" onClick={() => setContacts([...contacts, { label: '', phone: '' }])} className={buttonClass('quiet')}>
              Add a number
            </button>
          ) : null}
        </fieldset>
      </section>

      <section className="space-y-3" aria-labelledby="measures-heading">
        <h2 id="measures-heading" className="text-base font-semibold">Default measure schedules for new clients</h2>
        <table className="text-sm">
          <caption className="sr-only">Default measure schedules</caption>
          <thead className="text-left text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">Measure</th>
              <th scope="col" className="py-1 pr-4 font-medium">Scheduled</th>
              <th scope="col" className="py-1 pr-4 font-medium">Every (days)</th>
              <th scope="col" className="py-1 pr-4 font-medium">At intake</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const index = enabledRows.indexOf(r);
              const everyError = index >= 0 ? err(`measureDefaults.${index}.everyDays`) : undefined;
              const update = (patch: Partial<MeasureRow>) => setRows(rows.map((x) => (x.measure === r.measure ? { ...x, ...patch } : x)));
              return (
                <tr key={r.measure}>
                  <th scope="row" className="py-1 pr-4 text-left font-normal">{r.label}</th>
                  <td className="py-1 pr-4">
                    <input type="checkbox" aria-label={`Schedule ${r.label} by default`} checked={r.enabled} onChange={(e) => update({ enabled: e.target.checked })} className={checkClass} />
                  </td>
                  <td className="py-1 pr-4">
                    <input
                      aria-label={`${r.label}: every how many days`}
                      inputMode="numeric"
                      value={r.everyDays}
                      disabled={!r.enabled}
                      onChange={(e) => update({ everyDays: e.target.value })}
                      aria-invalid={everyError ? true : undefined}
                      className={`${input} w-20`}
                    />
                    {everyError ? <p className="text-xs text-red-700">{everyError}</p> : null}
                  </td>
                  <td className="py-1 pr-4">
                    <input type="checkbox" aria-label={`${r.label}: give at intake`} checked={r.atIntake} disabled={!r.enabled} onChange={(e) => update({ atIntake: e.target.checked })} className={checkClass} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="space-y-3" aria-labelledby="session-heading">
        <h2 id="session-heading" className="text-base font-semibold">Sessions</h2>
        <Field
          name="idleTimeoutMinutes"
          label="Sign out after this many idle minutes"
          type="number"
          inputMode="numeric"
          state={state}
          defaultValue={String(initial.idleTimeoutMinutes)}
          hint="1 to 30 minutes. Shorter is safer on shared computers."
          required
        />
      </section>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}
