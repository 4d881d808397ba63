'use client';

import { buttonClass } from '@/app/_components/design/button';
/** Opens the browser's print dialog, where "Save as PDF" is offered too. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className={buttonClass('primary')}
    >
      Print or save as PDF
    </button>
  );
}
