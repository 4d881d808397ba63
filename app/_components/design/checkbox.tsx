/** A checkbox's or radio's box: the brand colour when chosen, a 20 px target inside a 44 px row. */
export const checkClass = 'h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-700';

/**
 * A checkbox or radio with its label to its right, the whole row a 44 px target. `children` is the label, so it
 * can hold a hint in lighter type.
 */
export function Check({
  type = 'checkbox',
  children,
  className = '',
  ...rest
}: { type?: 'checkbox' | 'radio'; children: React.ReactNode; className?: string } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'type'
>) {
  return (
    <label className={`flex min-h-tap cursor-pointer items-center gap-3 text-label text-slate-800 ${className}`}>
      <input type={type} className={checkClass} {...rest} />
      <span>{children}</span>
    </label>
  );
}
