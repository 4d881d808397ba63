import { describe, expect, it } from 'vitest';
import { notificationSettings, reminderPreferences } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { clientReminderStatus, myReminders } from '../../lib/reminders/queries';
import { actorFor, makePractice, owner } from '../support/factories';

/*
 * A client's reminder choices and the practice's defaults are read in one statement (lib/notifications/settings.ts
 * clientReminderRows), each of the two rows optional: every combination gives what the two reads gave.
 */
describe('a client’s reminders, with the practice’s defaults', () => {
  it('the built-in defaults while neither the practice nor the client has chosen', async () => {
    const p = await makePractice();
    const client = (await actorFor(p.clientA1, p.id))!;
    expect((await myReminders(client)).settings).toMatchObject({
      enabled: true,
      checkinTime: '19:00',
      weeklyCap: 7,
      timeZone: client.practice.timeZone,
    });
    expect(await clientReminderStatus((await actorFor(p.therapist, p.id))!, p.clientA1.clientId)).toEqual({
      enabled: true,
      email: true,
      push: true,
      pausedUntil: null,
      chosen: false,
    });
  });

  it('the practice’s defaults, then the client’s own choices, and nothing for someone off the care team', async () => {
    const p = await makePractice();
    await ownerScoped(await owner(), p.id, (tx) =>
      tx
        .insert(notificationSettings)
        .values({ practiceId: p.id, remindersOnByDefault: false, defaultCheckinTime: '08:30', defaultWeeklyCap: 3 }),
    );
    const client = (await actorFor(p.clientA1, p.id))!;
    const therapist = (await actorFor(p.therapist, p.id))!;
    expect(await myReminders(client)).toMatchObject({
      chosen: false,
      settings: { enabled: false, checkinTime: '08:30', weeklyCap: 3 },
    });
    expect(await clientReminderStatus(therapist, p.clientA1.clientId)).toMatchObject({ enabled: false, chosen: false });

    await ownerScoped(await owner(), p.id, (tx) =>
      tx.insert(reminderPreferences).values({
        practiceId: p.id,
        clientId: p.clientA1.clientId,
        enabled: true,
        email: false,
        checkinTime: '20:15',
        timeZone: 'Europe/Lisbon',
        quietStart: '22:00',
        quietEnd: '07:00',
        weeklyCap: 5,
      }),
    );
    expect(await myReminders(client)).toMatchObject({
      chosen: true,
      settings: {
        enabled: true,
        email: false,
        push: true,
        checkinTime: '20:15',
        timeZone: 'Europe/Lisbon',
        weeklyCap: 5,
      },
    });
    expect(await clientReminderStatus(therapist, p.clientA1.clientId)).toEqual({
      enabled: true,
      email: false,
      push: true,
      pausedUntil: null,
      chosen: true,
    });
    // Another client's choices are not this one's; off the care team there is no status at all.
    expect(await myReminders((await actorFor(p.clientA2, p.id))!)).toMatchObject({
      chosen: false,
      settings: { enabled: false, checkinTime: '08:30' },
    });
    expect(await clientReminderStatus(therapist, p.clientA2.clientId)).toBeNull();
  });
});
