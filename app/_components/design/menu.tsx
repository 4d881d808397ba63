import { buttonClass } from './button';

/**
 * A row's menu of actions: a small "Manage" button that opens a panel under it (a native disclosure, so it works
 * with the keyboard and without a script). Destructive steps go last, each behind a ConfirmButton.
 */
export function Menu({ label = 'Manage', subject, children }: { label?: string; subject: string; children: React.ReactNode }) {
  return (
    <details className="group relative inline-block text-left">
      <summary className={`${buttonClass('secondary', 'sm')} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        {label}
        <span className="sr-only"> {subject}</span>
        <span aria-hidden="true" className="transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex w-56 flex-col items-stretch gap-2 rounded-card border border-slate-200 bg-white p-3 shadow-lg">
        {children}
      </div>
    </details>
  );
}

/** The destructive end of a Menu, set apart by a rule. */
export function MenuDanger({ children }: { children: React.ReactNode }) {
  return <div className="border-t border-slate-200 pt-2">{children}</div>;
}
