import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignForm } from '@/app/_components/assign-form';
import { ExerciseForm } from '@/app/_components/exercise-form/exercise-form';
import { Badge, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { can } from '@/lib/access/permissions';
import { defaultSchedule } from '@/lib/assignments/describe';
import { listClients } from '@/lib/clients/queries';
import { THEME_LABELS } from '@/lib/exercises/catalog';
import { getLibraryTemplate } from '@/lib/exercises/library';
import { ArchiveButton, ShareToggle } from './manage-controls';
import { buttonClass } from '@/app/_components/design/button';

export const metadata: Metadata = { title: 'Exercise' };

export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ v?: string | string[] }>;
}) {
  const actor = await requirePageActor('library.view');
  const { key } = await params;
  const { v } = await searchParams;
  const rawVersion = Array.isArray(v) ? v[0] : v;
  const version = rawVersion && /^\d{1,6}$/.test(rawVersion) ? Number(rawVersion) : undefined;
  const found = await getLibraryTemplate(actor, key, version);
  if (!found.ok) {
    if (found.error === 'unknown_template') notFound();
    return (
      <>
        <PageHeader title="Exercise" />
        <EmptyState title="This version cannot be shown" action={{ href: `/library/${encodeURIComponent(key)}`, label: 'Open the latest version' }}>
          {found.message}
        </EmptyState>
      </>
    );
  }
  const { template, entry } = found;
  const canAssign = can(actor.role, 'assignment.create') && !found.archived;
  const clients = canAssign
    ? (await listClients(actor))
        .filter((c) => c.onMyCareTeam && (c.status === 'active' || c.status === 'paused'))
        .map((c) => ({ id: c.id, name: c.name }))
    : [];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/library" className="text-brand-800 underline">
          ← Library
        </Link>
      </p>
      <PageHeader
        title={template.title}
        description={template.summary || undefined}
        actions={
          found.canManage && found.isLatest && !found.archived ? (
            <Link href={`/library/${key}/edit`} className={buttonClass('secondary')}>
              Edit
            </Link>
          ) : null
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        {entry.origin === 'custom' ? (
          <Badge tone="warn">{entry.sharedWithPractice ? 'Shared with the practice' : 'Only you'}</Badge>
        ) : (
          <Badge tone="brand">Built-in</Badge>
        )}
        {template.themes.map((t) => (
          <Badge key={t}>{THEME_LABELS[t]}</Badge>
        ))}
        <span className="text-slate-600">
          Version {template.version}
          {found.isLatest ? '' : ` (the latest is ${found.latestVersion})`}
          {entry.authorName ? ` · by ${entry.authorName}` : ''}
        </span>
        {found.archived ? <Badge tone="danger">Archived</Badge> : null}
      </div>
      {!found.isLatest ? (
        <p className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          You are looking at an earlier version, kept for the work clients did with it.{' '}
          <Link href={`/library/${key}`} className="underline">
            See the latest version
          </Link>
          .
        </p>
      ) : null}
      {found.canManage && found.isLatest && !found.archived ? (
        <Card title="Sharing" className="mb-6">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <ShareToggle exerciseKey={key} shared={entry.sharedWithPractice} />
            <ArchiveButton exerciseKey={key} />
          </div>
        </Card>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title="Preview">
          <div className="mx-auto max-w-md">
            <ExerciseForm template={template} mode="preview" />
          </div>
        </Card>
        {canAssign ? (
          <Card title="Assign">
            {found.isLatest ? (
              <AssignForm
                clients={clients}
                fixedItem={{ kind: 'exercise', key, title: template.title }}
                defaults={defaultSchedule(actor.practice.timeZone)}
              />
            ) : (
              <p className="text-sm text-slate-700">New homework uses the latest version.</p>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
