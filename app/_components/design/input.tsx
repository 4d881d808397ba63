import { inputClass } from './input-class';

/**
 * A labelled text field with its hint and error beside it, wired for screen readers (aria-describedby,
 * aria-invalid). Uncontrolled by default; pass `value` and `onChange` to control it. `name` doubles as the id
 * stem, so the error summary (error-summary.tsx) can lead to the field by its name.
 */
export type Common = {
  name: string;
  label: string;
  /** Shown after the label in lighter type. */
  optional?: boolean;
  hint?: string;
  errors?: readonly string[];
  /** Id of the control; defaults to `field-<name>`. */
  id?: string;
};

// The classes live in their own module: controls that only need the look (the exercise answers, filter bars)
// import that and stay clear of the labelled fields' code in a page's first load.
export { compactInputClass, inputClass } from './input-class';

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

/**
 * The frame every labelled control shares: the label, the control (given its id, name and aria wiring), then the
 * hint and the error. TextInput, TextArea and Select differ only in the control.
 */
export function Framed<R>(
  { name, label, optional, hint, errors, id = `field-${name}`, ...rest }: Common & R,
  control: (
    wiring: { id: string; name: string } & ReturnType<typeof fieldAria>,
    rest: Omit<R, keyof Common>,
  ) => React.ReactNode,
) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} label={label} optional={optional} />
      {control({ id, name, ...fieldAria(id, hint, errors) }, rest as Omit<R, keyof Common>)}
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}

type InputRest = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;
type TextAreaRest = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextInput(props: Common & InputRest) {
  return Framed<InputRest>(props, (wiring, rest) => <input className={inputClass} {...wiring} {...rest} />);
}

export function TextArea(props: Common & TextAreaRest) {
  return Framed<TextAreaRest>(props, (wiring, { rows = 3, ...rest }) => (
    <textarea rows={rows} className={`${inputClass} resize-y`} {...wiring} {...rest} />
  ));
}
