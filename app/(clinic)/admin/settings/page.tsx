import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { requirePageActor } from '@/lib/access/guard';
import { MEASURES, MEASURE_KEYS } from '@/lib/measures';
import { getPracticeSettings } from '@/lib/practice/queries';
import { backgroundStatus } from '@/lib/jobs/status';
import { BackgroundStatusPanel } from './background-status';
import { NotificationSettingsForm } from './notification-settings-form';
import { SettingsForm } from './settings-form';
import { timeZoneNames } from '@/lib/time/zone';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requirePageActor('practice.settings');
  const [settings, background] = await Promise.all([getPracticeSettings(actor), backgroundStatus(actor)]);
  const measures = MEASURE_KEYS.map((key) => ({ key, label: MEASURES[key].shortTitle }));
  return (
    <>
      <PageHeader title="Settings" description="How the practice runs: its name and time zone, safety features, default measures and session length." />
      <Card>
        <SettingsForm
          initial={{
            name: settings.name,
            timeZone: settings.timeZone,
            safetyQuestionEnabled: settings.safetyQuestionEnabled,
            idleTimeoutMinutes: settings.idleTimeoutMinutes,
            crisisContacts: settings.crisisContacts,
            measureDefaults: settings.measureDefaults,
          }}
          measures={measures}
          timeZones={timeZoneNames()}
        />
      </Card>
      <Card title="Reminders and alert notifications" className="mt-6">
        <NotificationSettingsForm initial={background.settings} />
      </Card>
      <Card title="Background work" className="mt-6">
        <BackgroundStatusPanel status={background} timeZone={settings.timeZone} />
      </Card>
    </>
  );
}
