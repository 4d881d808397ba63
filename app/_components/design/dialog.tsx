'use client';

import { useEffect, useId, useRef } from 'react';

/**
 * A modal dialog on the browser's own <dialog>: showModal() makes the rest of the page inert, so focus stays
 * inside (a focus trap without a script), Escape closes it, and focus returns to what was focused before.
 * Controlled: the parent owns `open` and hears `onClose` however the dialog was dismissed.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  actions,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children?: React.ReactNode;
  /** The dialog's buttons; put the safe choice first and give it `autoFocus`. */
  actions: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-modal="true"
      onClose={() => {
        if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
        onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children ? <div className="mt-2 text-sm text-slate-700">{children}</div> : null}
      <div className="mt-4 flex flex-wrap justify-end gap-2">{actions}</div>
    </dialog>
  );
}
