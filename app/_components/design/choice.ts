/**
 * Choice controls: a native radio or checkbox inside its label, so the whole label is the target (at least
 * 44 px) and the browser keeps the keyboard and screen-reader behaviour. Two looks:
 * - `fill`: the box is hidden (sr-only) and the chosen label fills with the brand colour: short answers side by
 *   side (scales, yes/no, a measure's options).
 * - `tint`: the chosen label is tinted; the box may stay visible (`choiceBoxClass`) for lists and settings.
 * `layout` sets the inside: `center` (one short word), `row` (a visible box beside its text), `stack` (a label
 * with a hint under it). Colours come from the theme's tokens, so the dark theme follows.
 */
export type ChoiceLook = 'fill' | 'tint';
export type ChoiceLayout = 'center' | 'row' | 'stack' | 'spread';

const BASE =
  'relative flex min-h-tap cursor-pointer rounded-control border-2 bg-white px-3 py-2 text-sm text-slate-900 has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600 has-disabled:cursor-not-allowed has-disabled:opacity-60';

const LOOKS: Record<ChoiceLook, string> = {
  fill: 'font-medium has-checked:border-brand-700 has-checked:bg-brand-700 has-checked:text-white',
  tint: 'has-checked:border-brand-700 has-checked:bg-brand-50',
};

const LAYOUTS: Record<ChoiceLayout, string> = {
  center: 'items-center justify-center text-center',
  row: 'items-start gap-3 text-left',
  stack: 'flex-col justify-center text-left',
  spread: 'items-center justify-between gap-3 text-left',
};

export function choiceClass({
  look = 'fill',
  layout = 'center',
  invalid = false,
}: { look?: ChoiceLook; layout?: ChoiceLayout; invalid?: boolean } = {}): string {
  return `${BASE} ${LOOKS[look]} ${LAYOUTS[layout]} ${invalid ? 'border-red-400' : 'border-slate-300'}`;
}

/** A radio or checkbox shown beside its text inside a `row` choice. */
export const choiceBoxClass = 'mt-0.5 size-5 shrink-0 accent-brand-700';
