/**
 * A labelled text field with its hint and error beside it, wired for screen readers (aria-describedby,
 * aria-invalid). Uncontrolled by default; pass `value` and `onChange` to control it. `name` doubles as the id
 * stem, so the error summary (error-summary.tsx) can lead to the field by its name.
 */
type Common = {
  name: string;
  label: string;
  /** Shown after the label in lighter type. */
  optional?: boolean;
  hint?: string;
  errors?: readonly string[];
  /** Id of the control; defaults to `field-<name>`. */
  id?: string;
};

export const inputClass =
  'block w-full rounded-control border border-slate-300 bg-white px-3 py-2.5 text-body text-slate-900 shadow-sm focus:border-brand-600 disabled:bg-slate-100 aria-[invalid]:border-red-600';

/** The same field, smaller: for filter bars and table rows, where several sit side by side. */
export const compactInputClass =
  'block min-h-10 rounded-control border border-slate-300 bg-white px-2 text-label text-slate-900 shadow-sm focus:border-brand-600 disabled:bg-slate-100 aria-[invalid]:border-red-600';

export function Label({ htmlFor, label, optional }: { htmlFor: string; label: string; optional?: boolean }) {
  return (
    <label htmlFor={htmlFor} className="block text-label font-medium text-slate-800">
      {label}
      {optional ? <span className="font-normal text-slate-600"> (optional)</span> : null}
    </label>
  );
}

export function Extras({ id, hint, errors }: { id: string; hint?: string; errors?: readonly string[] }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

export function fieldAria(id: string, hint?: string, errors?: readonly string[]) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-describedby': describedBy || undefined, 'aria-invalid': errors?.length ? true : undefined } as const;
}

export function TextInput({
  name,
  label,
  optional,
  hint,
  errors,
  id = `field-${name}`,
  ...rest
}: Common & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} label={label} optional={optional} />
      <input id={id} name={name} className={inputClass} {...fieldAria(id, hint, errors)} {...rest} />
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}

export function TextArea({
  name,
  label,
  optional,
  hint,
  errors,
  id = `field-${name}`,
  rows = 3,
  ...rest
}: Common & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} label={label} optional={optional} />
      <textarea id={id} name={name} rows={rows} className={`${inputClass} resize-y`} {...fieldAria(id, hint, errors)} {...rest} />
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}
