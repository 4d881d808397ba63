'use client';

import { useRef, useState } from 'react';
import { useAdoptEarlyInput } from '@/app/_components/adopt-early-input';
import { THEMES, applyTheme, type Theme } from '@/lib/ui/theme';
import { choiceBoxClass, choiceClass } from './design/choice';

const LABELS: Record<Theme, string> = { system: 'Same as this device', light: 'Light', dark: 'Dark' };

/** Applies at once and is remembered on this browser (a cookie read by the root layout, so pages load in it). */
export function ThemePicker({ current }: { current: Theme }) {
  const [theme, setTheme] = useState<Theme>(current);
  const rootRef = useRef<HTMLFieldSetElement>(null);
  useAdoptEarlyInput(rootRef);
  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }
  return (
    <fieldset ref={rootRef}>
      <legend className="text-sm font-medium text-slate-800">Appearance</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {THEMES.map((option) => (
          <label
            key={option}
            className={choiceClass({ look: 'tint', layout: 'row' })}
          >
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} className={choiceBoxClass} />
            {LABELS[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
