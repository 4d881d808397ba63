'use client';

import type { FormState } from './form';
import { inputClass } from './design/input-class';

/** Every IANA zone the runtime knows, with the submitted value echoed back after a failed save. */
export function TimeZoneSelect({
  state,
  initial,
  timeZones,
  hint = 'It decides each client\u2019s \u201ctoday\u201d for check-ins and the dates shown.',
}: {
  state: FormState;
  initial: string;
  timeZones: string[];
  hint?: string;
}) {
  const echoed = state && !state.ok && typeof state.values?.timeZone === 'string' ? state.values.timeZone : initial;
  const errors = state && !state.ok ? state.fieldErrors?.timeZone : undefined;
  const zones = timeZones.includes(echoed) || !echoed ? timeZones : [echoed, ...timeZones];
  return (
    <div className="space-y-1">
      <label htmlFor="field-timeZone" className="block text-label font-medium text-slate-800">
        Time zone
      </label>
      <select
        id="field-timeZone"
        name="timeZone"
        defaultValue={echoed}
        key={echoed}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? 'field-timeZone-hint field-timeZone-error' : 'field-timeZone-hint'}
        className={inputClass}
      >
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <p id="field-timeZone-hint" className="text-xs text-slate-600">
        {hint}
      </p>
      {errors ? (
        <p id="field-timeZone-error" className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
