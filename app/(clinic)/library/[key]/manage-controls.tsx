'use client';

import { useActionState, useState } from 'react';
import { FormMessage, type FormState } from '@/app/_components/form';
import { archiveCustomExercise, shareCustomExercise } from '@/lib/exercises/actions';

export function ShareToggle({ exerciseKey, shared }: { exerciseKey: string; shared: boolean }) {
  const [state, action] = useActionState(shareCustomExercise, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="key" value={exerciseKey} />
      <input type="hidden" name="shared" value={shared ? 'false' : 'true'} />
      <button type="submit" className="rounded-lg border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50">
        {shared ? 'Stop sharing with the practice' : 'Share with the practice'}
      </button>
      <FormMessage state={state as FormState} />
    </form>
  );
}

export function ArchiveButton({ exerciseKey }: { exerciseKey: string }) {
  const [state, action] = useActionState(archiveCustomExercise, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-sm font-medium text-red-700 underline">
        Archive
      </button>
    );
  }
  return (
    <form action={action} className="space-y-2 rounded-lg bg-red-50 p-3 text-sm">
      <input type="hidden" name="key" value={exerciseKey} />
      <p>Archive this exercise? It leaves the library; homework already assigned from it carries on.</p>
      <div className="flex gap-3">
        <button type="submit" className="rounded-lg bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
          Archive
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="underline">
          Keep it
        </button>
      </div>
      <FormMessage state={state as FormState} />
    </form>
  );
}
