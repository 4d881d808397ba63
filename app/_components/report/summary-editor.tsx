'use client';

import { useId, useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { inputClass } from '@/app/_components/design/input-class';

/**
 * The therapist's own words for this report, written just before printing. It lives only in this page (never in
 * the URL, the browser's storage or the server's logs); on paper the text is printed and the text box is not.
 */
export function SummaryEditor() {
  const id = useId();
  const [text, setText] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  useAdoptEarlyInput(rootRef);
  return (
    <section aria-labelledby={`${id}-heading`} className="report-section">
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
        Therapist’s summary
      </h2>
      <div ref={rootRef} className="print:hidden">
        <label htmlFor={id} className="mt-2 block text-sm text-slate-700">
          Write a summary to print with this report. It is not saved: print or save as PDF before you leave the page.
        </label>
        <textarea
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={5}
          maxLength={5000}
          className={`${inputClass} mt-2`}
        />
      </div>
      <p className="mt-2 hidden whitespace-pre-wrap text-sm print:block" data-testid="printed-summary">
        {text.trim() ? text : 'No summary was written for this report.'}
      </p>
    </section>
  );
}
