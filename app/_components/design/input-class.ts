/** The text field's look, for controls that draw their own label (see input.tsx for the labelled fields). */
export const inputClass =
  'block w-full rounded-control border border-slate-300 bg-white px-3 py-2.5 text-body text-slate-900 shadow-sm focus:border-brand-600 disabled:bg-slate-100 aria-[invalid]:border-red-600';

/** The same field, smaller: for filter bars and table rows, where several sit side by side. */
export const compactInputClass =
  'block min-h-10 rounded-control border border-slate-300 bg-white px-2 text-label text-slate-900 shadow-sm focus:border-brand-600 disabled:bg-slate-100 aria-[invalid]:border-red-600';
