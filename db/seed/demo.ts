import { eq } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import { isLocalDatabase, type DatabaseConfig } from '../config';
import type { DatabaseHandle } from '../connection';
import { practices } from '../schema';
import { type ClientPerson, type Person, createClientWithLogin, createMember, createPractice, ownerScoped } from './factories';
import { seedHomework } from './demo-homework';
import { seedSubmissions } from './demo-submissions';
import { seedCheckinsAndMeasures } from './demo-checkins';
import { seedAdmin } from './demo-admin';
import { addDays, localDay } from '../../lib/time/day';

export const DEMO_PASSWORD = 'mend-demo-password';
export const DEMO_PRACTICE_IDS = {
  northside: '7b1e3a52-0c4d-4e1a-9a51-2d6f0f9c0001',
  riverbend: '7b1e3a52-0c4d-4e1a-9a51-2d6f0f9c0002',
} as const;

export type DemoLogin = { role: string; email: string; practice: string };

// Invented people. Names only; nothing here resembles a real record.
const FIRST = ['Alex', 'Jordan', 'Sam', 'Riley', 'Morgan', 'Casey', 'Taylor', 'Jamie', 'Avery', 'Quinn',
  'Rowan', 'Skyler', 'Harper', 'Emerson', 'Finley', 'Reese', 'Sage', 'Parker', 'Drew', 'Hayden',
  'Elliot', 'Marley', 'Noor', 'Priya', 'Mateo', 'Lena', 'Tomas', 'Amara', 'Kenji', 'Ines'];
const LAST = ['Rivera', 'Chen', 'Okafor', 'Nguyen', 'Patel', 'Kowalski', 'Haddad', 'Moreau', 'Silva', 'Byrne',
  'Larsen', 'Adeyemi', 'Fischer', 'Romero', 'Sato', 'Novak', 'Ali', 'Brennan', 'Costa', 'Dubois',
  'Ferreira', 'Gallagher', 'Horvat', 'Ibrahim', 'Jensen', 'Kim', 'Lopez', 'Mensah', 'Olsen', 'Park'];
const PRONOUNS = ['she/her', 'he/him', 'they/them', null] as const;

export type DemoPractice = { id: string; admin: Person; therapists: Person[]; clients: ClientPerson[] };
export type DemoData = { northside: DemoPractice; riverbend: DemoPractice };

async function practiceExists(handle: DatabaseHandle, id: string): Promise<boolean> {
  const owner = await handle.owner();
  const found = await ownerScoped(owner, id, (tx) =>
    tx.select({ id: practices.id }).from(practices).where(eq(practices.id, id)),
  );
  return found.length > 0;
}

async function buildPractice(
  handle: DatabaseHandle,
  spec: { id: string; name: string; domain: string; timeZone: string; therapists: string[]; clientCount: number; offset: number },
  passwordHash: string,
): Promise<DemoPractice> {
  const db = await handle.owner();
  await createPractice(db, { id: spec.id, name: spec.name, timeZone: spec.timeZone, isDemo: true });
  const admin = await createMember(db, spec.id, 'admin', {
    email: `admin@${spec.domain}`,
    name: spec.therapists.length > 1 ? 'Morgan Ellis' : 'Robin Hale',
    passwordHash,
  });
  const therapists: Person[] = [];
  for (const name of spec.therapists) {
    const [first] = name.toLowerCase().split(' ');
    therapists.push(await createMember(db, spec.id, 'therapist', { email: `${first}@${spec.domain}`, name, passwordHash }));
  }
  const clients: ClientPerson[] = [];
  for (let i = 0; i < spec.clientCount; i++) {
    const firstName = FIRST[(i + spec.offset) % FIRST.length]!;
    const lastName = LAST[(i * 7 + spec.offset) % LAST.length]!;
    const therapist = therapists[i % therapists.length]!;
    const intake = addDays(localDay(new Date(), spec.timeZone), -(120 - i * 3));
    clients.push(
      await createClientWithLogin(
        db,
        spec.id,
        {
          email: `${firstName}.${lastName}@clients.${spec.domain}`.toLowerCase(),
          name: `${firstName} ${lastName}`,
          firstName,
          lastName,
          pronouns: PRONOUNS[i % PRONOUNS.length] ?? null,
          passwordHash,
          status: 'active',
          intakeDate: intake,
        },
        [therapist.membershipId],
      ),
    );
  }
  return { id: spec.id, admin, therapists, clients };
}

/**
 * Two demo practices, so isolation can be seen. Idempotent: an existing demo practice is left as it is.
 * Refuses any database that is not on this machine, because the demo password is public.
 */
export async function seedDemo(handle: DatabaseHandle, config: DatabaseConfig): Promise<DemoData | null> {
  if (!isLocalDatabase(config)) {
    throw new Error('The demo seed only runs against a database on this machine (localhost or the embedded one).');
  }
  if (await practiceExists(handle, DEMO_PRACTICE_IDS.northside)) return null;
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const northside = await buildPractice(
    handle,
    {
      id: DEMO_PRACTICE_IDS.northside,
      name: 'Northside Counselling',
      domain: 'northside.example',
      timeZone: 'America/New_York',
      therapists: ['Dana Reyes', 'Sam Whitfield', 'Priya Natarajan'],
      clientCount: 30,
      offset: 0,
    },
    passwordHash,
  );
  const riverbend = await buildPractice(
    handle,
    {
      id: DEMO_PRACTICE_IDS.riverbend,
      name: 'Riverbend Therapy',
      domain: 'riverbend.example',
      timeZone: 'Europe/London',
      therapists: ['Owen Marsh'],
      clientCount: 6,
      offset: 11,
    },
    passwordHash,
  );
  const demo = { northside, riverbend };
  // Each domain adds its demo history here, in dependency order.
  await seedAdmin(handle, demo);
  await seedHomework(handle, demo);
  await seedSubmissions(handle, demo);
  await seedCheckinsAndMeasures(handle, demo);
  return demo;
}

/** The printed logins (the first admin, therapist and client of each demo practice). */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: 'admin', email: 'admin@northside.example', practice: 'Northside Counselling' },
  { role: 'therapist', email: 'dana@northside.example', practice: 'Northside Counselling' },
  { role: 'client', email: 'alex.rivera@clients.northside.example', practice: 'Northside Counselling' },
  { role: 'admin', email: 'admin@riverbend.example', practice: 'Riverbend Therapy' },
];
