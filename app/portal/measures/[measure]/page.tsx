import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { loadPage } from '@/lib/access/scope';
import { practiceCrisisContacts } from '@/lib/alerts/crisis-contacts';
import { MEASURES } from '@/lib/measures/definitions';
import { myMeasureDraft } from '@/lib/measures/queries';
import { isMeasureKey } from '@/lib/measures/types';
import { MeasureForm } from './measure-form';

type Props = { params: Promise<{ measure: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { measure } = await params;
  return { title: isMeasureKey(measure) ? MEASURES[measure].shortTitle : 'Questionnaire' };
}

export default async function MeasurePage({ params }: Props) {
  const actor = await requirePageActor('measure.submit');
  const { measure } = await params;
  if (!isMeasureKey(measure)) notFound();
  const [draft, practiceContacts] = await loadPage(actor, () => Promise.all([myMeasureDraft(actor, measure), practiceCrisisContacts(actor)]));
  const definition = MEASURES[measure];
  return (
    <>
      <PageHeader title={definition.shortTitle} description={`${definition.about} · ${definition.timeframe}`} />
      <MeasureForm
        measure={measure}
        initialAnswers={draft}
        // Made when the form opens; the browser keeps it until this filling-in is submitted.
        freshKey={randomUUID()}
        storageKey={`mend:measure-key:${actor.clientId}:${measure}`}
        practiceContacts={practiceContacts}
      />
    </>
  );
}
