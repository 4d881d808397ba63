import Link from 'next/link';

/**
 * The one button style. Every variant is at least 44 px tall (a thumb's target on a phone) and keeps the
 * focus ring from globals.css; colours come from the theme's tokens, so dark mode follows.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'md' | 'sm';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white shadow-sm hover:bg-brand-800',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
  danger: 'bg-red-700 text-white shadow-sm hover:bg-red-800',
  quiet: 'text-brand-800 underline-offset-2 hover:underline',
};

const SIZES: Record<ButtonSize, string> = {
  md: 'min-h-tap px-4 py-2 text-label',
  sm: 'min-h-9 px-3 py-1 text-xs',
};

export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'md'): string {
  return `inline-flex items-center justify-center gap-2 rounded-control font-semibold disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${SIZES[size]} ${VARIANTS[variant]}`;
}

type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * While its action runs. The button is aria-disabled and ignores presses (no second submission), but is never
   * `disabled`: a focused button that becomes disabled drops focus to the page, and the person loses their place.
   */
  pending?: boolean;
};

export function Button({ variant, size, className = '', type = 'button', pending, onClick, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`${buttonClass(variant, size)} ${className}`}
      aria-disabled={pending || undefined}
      onClick={
        // A handler only where `pending` is given: a server component's plain button carries none.
        pending === undefined
          ? onClick
          : (event) => {
              // Enter in a field presses the form's submit button too, so this stops every second submission.
              if (pending) event.preventDefault();
              else onClick?.(event);
            }
      }
      {...rest}
    />
  );
}

/** A link that looks like a button: for moving somewhere, never for doing something. */
export function ButtonLink({
  href,
  variant,
  size,
  className = '',
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Link href={href} className={`${buttonClass(variant, size)} ${className}`}>
      {children}
    </Link>
  );
}
