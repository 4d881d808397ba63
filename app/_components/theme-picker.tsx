'use client';

import { useState } from 'react';
import { THEMES, applyTheme, type Theme } from '@/lib/ui/theme';

const LABELS: Record<Theme, string> = { system: 'Same as this device', light: 'Light', dark: 'Dark' };

/** Applies at once and is remembered on this browser (a cookie read by the root layout, so pages load in it). */
export function ThemePicker({ current }: { current: Theme }) {
  const [theme, setTheme] = useState<Theme>(current);
  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Appearance</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {THEMES.map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} />
            {LABELS[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
