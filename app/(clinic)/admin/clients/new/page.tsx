import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { listClinicians } from '@/lib/practice/queries';
import { NewClientForm } from '../client-forms';

export const metadata: Metadata = { title: 'New client' };

export default async function NewClientPage() {
  const actor = await requirePageActor('client.create');
  const clinicians = (await listClinicians(actor)).filter((c) => c.role === 'therapist');
  return (
    <>
      <PageHeader title="New client" description="The clinical record exists before any portal login; invite the client once it is created." />
      <Card>
        <NewClientForm therapists={clinicians} />
      </Card>
    </>
  );
}
