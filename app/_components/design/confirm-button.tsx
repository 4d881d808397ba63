'use client';

import { useState } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button';
import { Dialog } from './dialog';

/**
 * A destructive or far-reaching submit that asks first. Put it inside the <form> it submits: the button only opens
 * the design system's Dialog (focus moves into it and stays there, Escape or "Cancel" closes it and focus goes back
 * to this button); the dialog's confirm button is the form's submit, so nothing happens until it is pressed.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  message,
  confirmLabel = label,
  cancelLabel = 'Cancel',
  variant = 'danger',
  triggerVariant = 'secondary',
  size = 'sm',
  pending = false,
  pendingLabel = 'Working…',
  className = '',
}: {
  label: string;
  /** The trigger's accessible name when its short label alone would be ambiguous (it starts with the label). */
  ariaLabel?: string;
  /** The dialog's heading: the question, in the person's words. */
  title: string;
  /** More detail under the heading; a function reads the form when the dialog opens (e.g. how many are chosen). */
  message?: React.ReactNode | ((form: HTMLFormElement) => React.ReactNode);
  confirmLabel?: string;
  cancelLabel?: string;
  variant?: ButtonVariant;
  triggerVariant?: ButtonVariant;
  size?: ButtonSize;
  pending?: boolean;
  pendingLabel?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState<React.ReactNode>(typeof message === 'function' ? null : message);
  return (
    <>
      <Button
        variant={triggerVariant}
        size={size}
        pending={pending}
        className={className}
        aria-label={ariaLabel}
        onClick={(e) => {
          const form = e.currentTarget.form;
          if (typeof message === 'function') setBody(form ? message(form) : null);
          setOpen(true);
        }}
      >
        {pending ? pendingLabel : label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={title}
        actions={
          <>
            <Button variant="secondary" autoFocus onClick={() => setOpen(false)}>
              {cancelLabel}
            </Button>
            {/* Inside the form (the dialog is its child), so this submits it; the dialog closes as it does. It is
                also the form's first submit button, so Enter in any of the form's fields (a ticked checkbox, a text
                field) presses it while the dialog is closed: such a press is refused, or it would submit without
                asking, once per Enter. (Not `disabled` while closed: the press that closes the dialog re-renders
                before the button acts, and a button disabled by then submits nothing.) */}
            <Button
              type="submit"
              variant={variant}
              onClick={(event) => {
                if (!open) event.preventDefault();
                else setOpen(false);
              }}
            >
              {confirmLabel}
            </Button>
          </>
        }
      >
        {body}
      </Dialog>
    </>
  );
}
