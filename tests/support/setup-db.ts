import { afterAll, beforeAll } from 'vitest';
import { closeTestDatabase, openTestDatabase } from './database';

beforeAll(async () => {
  await openTestDatabase();
});

afterAll(async () => {
  await closeTestDatabase();
});
