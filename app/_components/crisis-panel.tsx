'use client';

import { useEffect, useRef } from 'react';
import { CRISIS_DIRECTORY, CRISIS_PANEL_INTRO, PORTAL_NOT_MONITORED, type CrisisContact } from '@/lib/alerts/crisis-directory';

export type PracticeContact = { label: string; phone: string };

function telHref(number: string) {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

function smsHref(contact: CrisisContact) {
  const body = contact.textKeyword ? `?body=${encodeURIComponent(contact.textKeyword)}` : '';
  return `sms:${contact.number}${body}`;
}

const linkClass =
  'inline-flex min-h-11 items-center justify-center rounded-lg border border-red-300 bg-white px-3 py-2 text-sm font-semibold text-red-900 hover:bg-red-100';

/**
 * The crisis panel (docs/clinical.md §5.2): shown at once after an answer that raised an alert. The answer is already
 * saved when it appears; nothing here stops the client from carrying on. Focus moves to its heading so a
 * screen reader announces it; it is a labelled region rather than an alert, as Next already has one live
 * alert region (its route announcer).
 */
export function CrisisPanel({
  practiceContacts = [],
  urgent = false,
  focusOnShow = true,
}: {
  practiceContacts?: readonly PracticeContact[];
  urgent?: boolean;
  /** Off where something else on screen must be announced first (an error page). */
  focusOnShow?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  const regions = [
    { region: 'US', label: 'In the US' },
    { region: 'UK', label: 'In the UK' },
  ] as const;
  return (
    <section
      data-testid="crisis-panel"
      aria-labelledby="crisis-panel-heading"
      className={`rounded-xl border-2 p-4 ${urgent ? 'border-red-600 bg-red-50' : 'border-amber-500 bg-amber-50'}`}
    >
      <h2 id="crisis-panel-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 focus:outline-none">
        If you need help now
      </h2>
      <p className="mt-1 text-sm text-slate-800">{CRISIS_PANEL_INTRO}</p>
      <p className="mt-2 rounded-lg bg-white/70 px-3 py-2 text-sm font-medium text-slate-900">{PORTAL_NOT_MONITORED}</p>
      <p className="mt-2 text-sm text-slate-800">
        Your answers are saved and your care team will see them. You can keep using the portal as usual.
      </p>

      {practiceContacts.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Your practice</h3>
          <ul className="mt-2 space-y-2">
            {practiceContacts.map((c) => (
              <li key={`${c.label}-${c.phone}`} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm text-slate-800">{c.label}</span>
                <a className={linkClass} href={telHref(c.phone)}>
                  Call {c.phone}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {regions.map(({ region, label }) => (
        <div key={region} className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">{label}</h3>
          <ul className="mt-2 space-y-3">
            {CRISIS_DIRECTORY.filter((c) => c.region === region).map((c) => (
              <li key={c.id}>
                <p className="text-sm font-medium text-slate-900">{c.action}</p>
                <p className="text-xs text-slate-700">
                  {c.name} · {c.when}
                </p>
                <div className="mt-1 flex flex-wrap gap-2">
                  {c.channels.includes('call') ? (
                    <a className={linkClass} href={telHref(c.number)}>
                      Call {c.name}
                    </a>
                  ) : null}
                  {c.channels.includes('text') ? (
                    <a className={linkClass} href={smsHref(c)}>
                      Text {c.name}
                    </a>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
