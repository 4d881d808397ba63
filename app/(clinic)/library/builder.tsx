'use client';

import { FormOutcome } from '@/app/_components/design/form-outcome';
import { useActionState, useId, useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { ExerciseForm } from '@/app/_components/exercise-form/exercise-form';
import { SubmitButton, type FormState } from '@/app/_components/form';
import { THEME_LABELS } from '@/lib/exercises/catalog';
import { createCustomExercise, updateCustomExercise } from '@/lib/exercises/actions';
import { buildCustomTemplate, customTemplateInput, type CustomTemplateInput } from '@/lib/exercises/custom';
import { EXERCISE_THEMES, type ExerciseTheme } from '@/lib/exercises/types';
import { QuestionList, inputClass } from './_builder/question-editor';
import { TOP_KINDS, fromItem, toItem, type NewUid, type Question } from './_builder/question-model';

/** The custom exercise builder: questions of the allowed types, added, removed and reordered, with a live preview. */
export function ExerciseBuilder({ existing }: { existing?: { key: string; input: CustomTemplateInput } }) {
  const formRef = useRef<HTMLFormElement>(null);
  useAdoptEarlyInput(formRef);
  const [state, formAction] = useActionState(existing ? updateCustomExercise : createCustomExercise, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const start = existing?.input;
  const [title, setTitle] = useState(start?.title ?? '');
  const [summary, setSummary] = useState(start?.summary ?? '');
  const [instructions, setInstructions] = useState(start?.instructions ?? '');
  const [themes, setThemes] = useState<ExerciseTheme[]>((start?.themes as ExerciseTheme[] | undefined) ?? []);
  // Question ids come from this builder's own sequence under useId: the server's render and the browser's
  // hydration count from the same start, so the ids (labels' htmlFor) match.
  const idBase = useId();
  const [newUid] = useState<NewUid>(() => {
    let n = 0;
    return () => `${idBase}q${(n += 1)}`;
  });
  const [questions, setQuestions] = useState<Question[]>(() => (start?.fields ?? []).map((item) => fromItem(item, newUid)));
  const [share, setShare] = useState(false);

  const definition = {
    title,
    summary,
    instructions,
    themes: themes.length ? themes : ['other'],
    fields: questions.map(toItem),
  };
  // Parsed on every render: the builder's own schema decides whether a preview can be drawn.
  const parsed = customTemplateInput.safeParse(definition);
  const preview = parsed.success ? buildCustomTemplate(parsed.data, { key: existing?.key ?? 'preview', version: 1 }) : null;
  const payload = existing ? { key: existing.key, definition } : { definition, share };
  const top = (name: string) => errors?.[`definition.${name}`];

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <form ref={formRef} action={formAction} className="space-y-5" aria-label={existing ? 'Edit exercise' : 'New exercise'} noValidate>
        <FormOutcome state={state as FormState} />
        <input type="hidden" name="__json" value={JSON.stringify(payload)} />
        <div className="space-y-1">
          <label htmlFor="builder-title" className="block text-sm font-medium text-slate-800">
            Title
          </label>
          <input
            id="builder-title"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            className={inputClass}
            aria-invalid={top('title') ? true : undefined}
            aria-describedby={top('title') ? 'builder-title-error' : undefined}
          />
          {top('title') ? (
            <p id="builder-title-error" className="text-sm text-red-700">
              {top('title')!.join(' ')}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="builder-summary" className="block text-sm font-medium text-slate-800">
            Summary <span className="font-normal text-slate-600">(one line for the library)</span>
          </label>
          <input id="builder-summary" value={summary} maxLength={300} onChange={(e) => setSummary(e.target.value)} className={inputClass} />
          {top('summary') ? <p className="text-sm text-red-700">{top('summary')!.join(' ')}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="builder-instructions" className="block text-sm font-medium text-slate-800">
            Instructions for the client
          </label>
          <textarea
            id="builder-instructions"
            rows={3}
            maxLength={5000}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
            className={inputClass}
          />
          {top('instructions') ? <p className="text-sm text-red-700">{top('instructions')!.join(' ')}</p> : null}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Themes</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {EXERCISE_THEMES.map((t) => (
              <label key={t} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={themes.includes(t)}
                  onChange={(e) => setThemes((list) => (e.target.checked ? [...list, t] : list.filter((x) => x !== t)))}
                />
                {THEME_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <section aria-labelledby="builder-questions">
          <h2 id="builder-questions" className="mb-2 text-base font-semibold text-slate-900">
            Questions
          </h2>
          <QuestionList
            questions={questions}
            kinds={TOP_KINDS}
            path="definition.fields"
            numberPrefix=""
            errors={errors}
            onChange={setQuestions}
            addLabel="Add question"
            newUid={newUid}
          />
        </section>
        {!existing ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
            Share with the practice (colleagues can preview and assign it)
          </label>
        ) : (
          <p className="text-sm text-slate-600">Saving makes a new version. Homework already done keeps the version it was made with.</p>
        )}
        <SubmitButton pendingLabel="Saving…">{existing ? 'Save new version' : 'Create exercise'}</SubmitButton>
      </form>
      <section aria-label="Preview" className="rounded-xl border border-slate-200 bg-slate-50 p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Preview</h2>
        {preview ? (
          <div className="mx-auto max-w-md">
            <h3 className="mb-2 text-lg font-semibold text-slate-900">{preview.title}</h3>
            <ExerciseForm key={JSON.stringify(preview)} template={preview} mode="preview" />
          </div>
        ) : (
          <p className="text-sm text-slate-700">The preview appears once the exercise has a title and every question has its label (and a choice, at least two options).</p>
        )}
      </section>
    </div>
  );
}
