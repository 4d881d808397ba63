import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { getCustomExerciseForEdit } from '@/lib/exercises/library';
import { ExerciseBuilder } from '../../builder';

export const metadata: Metadata = { title: 'Edit exercise' };

export default async function EditExercisePage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requirePageActor('exercise.author');
  const { key } = await params;
  const found = await getCustomExerciseForEdit(actor, key);
  if (!found) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/library/${key}`} className="text-brand-800 underline">
          ← Back to the exercise
        </Link>
      </p>
      <PageHeader title={`Edit “${found.input.title}”`} description={`Currently version ${found.version}. Saving makes version ${found.version + 1}.`} />
      <ExerciseBuilder existing={{ key, input: found.input }} />
    </>
  );
}
