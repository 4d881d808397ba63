'use client';

import { useActionState, useRef, useState, startTransition } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { CrisisPanel, type PracticeContact } from '@/app/_components/crisis-panel';
import { Button } from '@/app/_components/design/button';
import { choiceClass } from '@/app/_components/design/choice';
import { inputClass } from '@/app/_components/design/input-class';
import { Toast } from '@/app/_components/design/toast';
import { ErrorSummary } from '@/app/_components/error-summary';
import { DeliveryStatus } from '@/app/_components/delivery-status';
import { useResilientAction } from '@/app/_components/resilient-action-state';
import { FieldError, ScaleSlider, SegmentedChoice } from '@/app/portal/_components/choice-inputs';
import { submitCheckin } from '@/lib/checkins/actions';
import { characterCount, groupedCount } from '@/lib/text/characters';
import { type CheckinValues, sentCheckin } from './values';
import {
  CHECKIN_FIELD_LABELS,
  CHECKIN_RANGES,
  SAFETY_QUESTION,
  SCALE_ANCHORS,
  SELF_CARE_LABELS,
  SELF_CARE_OPTIONS,
  SLEEP_QUALITY_LABELS,
  SOCIAL_CONTACT_LABELS,
  SOCIAL_CONTACT_OPTIONS,
  WINDOW_EXPLANATIONS,
  WINDOW_LABELS,
  WINDOW_STATES,
} from '@/lib/checkins/fields';

function toFormData(v: CheckinValues, safetyEnabled: boolean): FormData {
  const data = new FormData();
  const put = (key: string, value: number | string | null) => {
    if (value !== null && value !== '') data.append(key, String(value));
  };
  put('mood', v.mood);
  put('distress', v.distress);
  put('window', v.window);
  put('sleepHours', v.sleepHours);
  put('sleepQuality', v.sleepQuality);
  put('socialContact', v.socialContact);
  put('feltConnected', v.feltConnected);
  put('feltRejected', v.feltRejected);
  for (const item of v.selfCare) data.append('selfCare[]', item);
  put('note', v.note);
  if (safetyEnabled) put('safetyThoughts', v.safetyThoughts);
  return data;
}

export function CheckinForm({
  initial,
  editing,
  safetyEnabled,
  practiceContacts,
  postKey,
}: {
  initial: CheckinValues;
  editing: boolean;
  safetyEnabled: boolean;
  practiceContacts: PracticeContact[];
  /** The idempotency key of this page's form when it posts natively. */
  postKey: string;
}) {
  // Sent before the page's script has run (or without one), the form posts to the action itself, and the page
  // comes back drawn with its answer: the saved check-in, or the refusal with what was sent.
  const [posted, postNatively] = useActionState(submitCheckin, null);
  const [values, setValues] = useState<CheckinValues>(() => (posted && !posted.ok && posted.values ? sentCheckin(posted.values) : initial));
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  const [state, dispatch, pending, delivery] = useResilientAction(submitCheckin, posted);
  // A field's error stays beside it until that field is changed; a new result starts afresh.
  const [changedSinceResult, setChangedSinceResult] = useState<ReadonlySet<string>>(new Set());
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    setChangedSinceResult(new Set());
  }
  const set = <K extends keyof CheckinValues>(key: K) => (value: CheckinValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setChangedSinceResult((changed) => (changed.has(key) ? changed : new Set([...changed, key])));
  };
  const errors = Object.fromEntries(
    Object.entries(state && !state.ok ? state.fieldErrors : {}).filter(([field]) => !changedSinceResult.has(field)),
  ) as Record<string, string[]>;
  const saved = state?.ok ? state.data : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Once hydrated the form sends by script (retries, no reset), never through its native action.
    event.preventDefault();
    if (pending) return;
    // Dispatched by hand rather than through the form's action, so React does not reset the inputs.
    startTransition(() => dispatch(toFormData(values, safetyEnabled)));
  };

  const noteLength = characterCount(values.note);
  return (
    <div className="space-y-6">
      {saved?.crisis ? <CrisisPanel key={`${saved.checkinId}-${saved.revision}`} practiceContacts={practiceContacts} urgent={saved.tier === 'urgent'} /> : null}
      <DeliveryStatus delivery={delivery} />
      {/* Keyed by the saved revision, so saving again says so again; the toast never takes focus from the form. */}
      <Toast
        key={saved ? `${saved.checkinId}-${saved.revision}` : 'none'}
        message={saved ? (saved.updated ? "Today's check-in is updated." : 'Thank you — your check-in for today is saved.') : null}
      />
      <ErrorSummary state={state} fieldErrors={errors} />

      <form ref={formRef} action={postNatively} onSubmit={onSubmit} noValidate autoComplete="off" className="space-y-7" aria-describedby="checkin-intro">
        <input type="hidden" name="idempotencyKey" value={postKey} />
        <p id="checkin-intro" className="text-sm text-slate-600">
          {editing ? 'You already checked in today. Change anything and save again; the earlier answers are kept.' : 'Three questions are needed; the rest are optional.'}
        </p>

        <ScaleSlider
          name="mood"
          label={CHECKIN_FIELD_LABELS.mood}
          value={values.mood}
          onChange={set('mood')}
          {...CHECKIN_RANGES.mood}
          anchors={SCALE_ANCHORS.mood}
          format={(v) => `${v} / 10`}
          errors={errors.mood}
          required
        />
        <ScaleSlider
          name="distress"
          label={CHECKIN_FIELD_LABELS.distress}
          value={values.distress}
          onChange={set('distress')}
          {...CHECKIN_RANGES.distress}
          anchors={SCALE_ANCHORS.distress}
          format={(v) => `${v} / 100`}
          errors={errors.distress}
          required
        />
        <SegmentedChoice
          name="window"
          legend={CHECKIN_FIELD_LABELS.window}
          description="Where are you right now?"
          options={WINDOW_STATES.map((w) => ({ value: w, label: WINDOW_LABELS[w], hint: WINDOW_EXPLANATIONS[w] }))}
          value={values.window}
          onChange={set('window')}
          errors={errors.window}
          required
        />

        {safetyEnabled ? (
          <SegmentedChoice
            name="safetyThoughts"
            legend={SAFETY_QUESTION}
            options={[
              { value: 'no', label: 'No' },
              { value: 'yes', label: 'Yes' },
            ]}
            columns={2}
            value={values.safetyThoughts}
            onChange={set('safetyThoughts')}
            errors={errors.safetyThoughts}
            required
          />
        ) : null}

        <section aria-labelledby="checkin-more" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="checkin-more" className="text-base font-semibold text-slate-900">
            More about today <span className="font-normal text-slate-600">(optional)</span>
          </h2>
          <div className="mt-4 space-y-7">
            <ScaleSlider
              name="sleepHours"
              label={CHECKIN_FIELD_LABELS.sleepHours}
              value={values.sleepHours}
              onChange={set('sleepHours')}
              {...CHECKIN_RANGES.sleepHours}
              format={(v) => `${v} h`}
              errors={errors.sleepHours}
            />
            <SegmentedChoice
              name="sleepQuality"
              legend={CHECKIN_FIELD_LABELS.sleepQuality}
              options={([0, 1, 2, 3, 4] as const).map((q) => ({ value: String(q), label: SLEEP_QUALITY_LABELS[q] }))}
              columns={3}
              value={values.sleepQuality === null ? null : String(values.sleepQuality)}
              onChange={(v) => set('sleepQuality')(Number(v))}
              errors={errors.sleepQuality}
            />
            <SegmentedChoice
              name="socialContact"
              legend={CHECKIN_FIELD_LABELS.socialContact}
              options={SOCIAL_CONTACT_OPTIONS.map((s) => ({ value: s, label: SOCIAL_CONTACT_LABELS[s] }))}
              columns={2}
              value={values.socialContact}
              onChange={set('socialContact')}
              errors={errors.socialContact}
            />
            <ScaleSlider
              name="feltConnected"
              label={CHECKIN_FIELD_LABELS.feltConnected}
              value={values.feltConnected}
              onChange={set('feltConnected')}
              {...CHECKIN_RANGES.feltConnected}
              anchors={SCALE_ANCHORS.feltConnected}
              format={(v) => `${v} / 10`}
              errors={errors.feltConnected}
            />
            <ScaleSlider
              name="feltRejected"
              label={CHECKIN_FIELD_LABELS.feltRejected}
              value={values.feltRejected}
              onChange={set('feltRejected')}
              {...CHECKIN_RANGES.feltRejected}
              anchors={SCALE_ANCHORS.feltRejected}
              format={(v) => `${v} / 10`}
              errors={errors.feltRejected}
            />
            <fieldset aria-describedby={errors.selfCare?.length ? 'selfCare-error' : undefined}>
              <legend className="text-base font-semibold text-slate-900">
                {CHECKIN_FIELD_LABELS.selfCare} <span className="text-sm font-normal text-slate-600">(optional, choose any)</span>
              </legend>
              <div className="mt-2 grid grid-cols-2 gap-2">
                {SELF_CARE_OPTIONS.map((item) => {
                  const checked = values.selfCare.includes(item);
                  return (
                    <label key={item} className={choiceClass({ look: 'tint', layout: 'row' })}>
                      <input
                        type="checkbox"
                        name="selfCare[]"
                        value={item}
                        className="sr-only"
                        checked={checked}
                        onChange={() => set('selfCare')(checked ? values.selfCare.filter((s) => s !== item) : [...values.selfCare, item])}
                      />
                      <span aria-hidden="true" className="w-4 shrink-0">
                        {checked ? '✓' : ''}
                      </span>
                      <span className="font-medium">{SELF_CARE_LABELS[item]}</span>
                    </label>
                  );
                })}
              </div>
              <FieldError id="selfCare-error" errors={errors.selfCare} />
            </fieldset>
            <div>
              <label htmlFor="field-note" className="text-base font-semibold text-slate-900">
                {CHECKIN_FIELD_LABELS.note} <span className="text-sm font-normal text-slate-600">(optional)</span>
              </label>
              <textarea
                id="field-note"
                name="note"
                value={values.note}
                onChange={(e) => set('note')(e.currentTarget.value)}
                rows={3}
                aria-describedby={`note-count${errors.note?.length ? ' note-error' : ''}`}
                aria-invalid={errors.note?.length ? true : undefined}
                className={`mt-2 ${inputClass} resize-y`}
              />
              <p id="note-count" className={`mt-1 text-xs ${noteLength > CHECKIN_RANGES.noteMaxChars ? 'text-red-700' : 'text-slate-600'}`}>
                {noteLength} of {groupedCount(CHECKIN_RANGES.noteMaxChars)} characters. Only you and your care team can read it.
              </p>
              <FieldError id="note-error" errors={errors.note} />
            </div>
          </div>
        </section>

        {/* Not `disabled` while saving: a disabled button drops focus to the page, and the person loses their place. */}
        <Button type="submit" pending={pending} className="w-full">
          {pending ? 'Saving…' : editing || saved ? 'Save changes' : 'Save check-in'}
        </Button>
      </form>
    </div>
  );
}
