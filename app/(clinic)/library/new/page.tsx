import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { ExerciseBuilder } from '../builder';

export const metadata: Metadata = { title: 'New exercise' };

export default async function NewExercisePage() {
  await requirePageActor('exercise.author');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/library" className="text-brand-800 underline">
          ← Library
        </Link>
      </p>
      <PageHeader title="New exercise" description="Build your own exercise from questions. Only you see it until you share it with the practice." />
      <ExerciseBuilder />
    </>
  );
}
