'use client';

import { useActionState } from 'react';
import { Button, ConfirmButton, FormOutcome } from '@/app/_components/design';
import type { FormState } from '@/app/_components/form';
import { archiveCustomExercise, shareCustomExercise } from '@/lib/exercises/actions';

export function ShareToggle({ exerciseKey, shared }: { exerciseKey: string; shared: boolean }) {
  const [state, action, pending] = useActionState(shareCustomExercise, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="key" value={exerciseKey} />
      <input type="hidden" name="shared" value={shared ? 'false' : 'true'} />
      <Button type="submit" variant="secondary" pending={pending}>
        {shared ? 'Stop sharing with the practice' : 'Share with the practice'}
      </Button>
      <FormOutcome state={state as FormState} />
    </form>
  );
}

export function ArchiveButton({ exerciseKey }: { exerciseKey: string }) {
  const [state, action, pending] = useActionState(archiveCustomExercise, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="key" value={exerciseKey} />
      <ConfirmButton
        label="Archive"
        title="Archive this exercise?"
        message="It leaves the library; homework already assigned from it carries on."
        pending={pending}
        pendingLabel="Archiving…"
      />
      <FormOutcome state={state as FormState} />
    </form>
  );
}
