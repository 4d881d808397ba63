'use client';

/** Opens the browser's print dialog, where "Save as PDF" is offered too. */
export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
    >
      Print or save as PDF
    </button>
  );
}
