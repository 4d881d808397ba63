import { type Common, Framed, inputClass } from './input';

type SelectRest = { children: React.ReactNode } & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

/**
 * A labelled select with its hint and error beside it, like TextInput. Options are children, so groups and
 * placeholders ("Choose…") read as written.
 */
export function Select(props: Common & SelectRest) {
  return Framed<SelectRest>(props, (wiring, { children, ...rest }) => (
    <select className={selectClass} {...wiring} {...rest}>
      {children}
    </select>
  ));
}

/** A select's look without the label around it, for a select labelled elsewhere (a table's filter row). */
export const selectClass = `${inputClass} min-h-tap pr-8`;
