// Makes a practice of its own with CLIENTS portal logins for the fault test; prints them as JSON on stdout.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { resolveDatabaseConfig } from '../../db/config';
import { openDatabase } from '../../db/connection';
import { createClientWithLogin, createMember, createPractice } from '../../db/seed/factories';

const count = Number(process.env.CLIENTS ?? 24);
const password = `faults-${randomUUID()}`;
const handle = await openDatabase(resolveDatabaseConfig());
try {
  const db = await handle.owner();
  const tag = randomUUID().slice(0, 8);
  const practice = await createPractice(db, { name: `Fault drill ${tag}`, safetyQuestionEnabled: true });
  // Argon2id as the app uses it, but one hash for all: this is test data.
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const therapist = await createMember(db, practice.id, 'therapist', { email: `therapist-${tag}@faults.example`, name: 'Drill Therapist', passwordHash });
  const clients = [];
  for (let i = 0; i < count; i++) {
    const email = `client-${i}-${tag}@faults.example`;
    const client = await createClientWithLogin(
      db,
      practice.id,
      { email, name: `Drill Client ${i}`, passwordHash, firstName: 'Drill', lastName: `Client ${i}` },
      [therapist.membershipId],
    );
    clients.push({ email, clientId: client.clientId });
  }
  process.stdout.write(JSON.stringify({ practiceId: practice.id, password, clients }));
} finally {
  await handle.close();
}
