import { Extras, fieldAria, inputClass, Label } from './input';

/**
 * A labelled select with its hint and error beside it, like TextInput. Options are children, so groups and
 * placeholders ("Choose…") read as written.
 */
export function Select({
  name,
  label,
  optional,
  hint,
  errors,
  id = `field-${name}`,
  children,
  ...rest
}: {
  name: string;
  label: string;
  optional?: boolean;
  hint?: string;
  errors?: readonly string[];
  id?: string;
  children: React.ReactNode;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} label={label} optional={optional} />
      <select id={id} name={name} className={selectClass} {...fieldAria(id, hint, errors)} {...rest}>
        {children}
      </select>
      <Extras id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** A select's look without the label around it, for a select labelled elsewhere (a table's filter row). */
export const selectClass = `${inputClass} min-h-tap pr-8`;
