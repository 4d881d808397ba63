import { describe, expect, it } from 'vitest';
import { DatabaseConfigError, demoModeEnabled, isLocalDatabase, resolveDatabaseConfig } from '../../../db/config';
import { describeConnectionError } from '../../../db/connection';

describe('resolveDatabaseConfig', () => {
  it('uses the embedded database under .data when DATABASE_URL is unset', () => {
    const config = resolveDatabaseConfig({});
    expect(config).toMatchObject({ kind: 'pglite', dataDir: expect.stringMatching(/\.data\/pglite$/) });
  });

  it('connects the app as mend_app on the same server when only DATABASE_URL is given', () => {
    const config = resolveDatabaseConfig({ DATABASE_URL: 'postgres://owner:secret@db.local:5433/mend' });
    expect(config).toEqual({
      kind: 'postgres',
      ownerUrl: 'postgres://owner:secret@db.local:5433/mend',
      appUrl: 'postgres://mend_app@db.local:5433/mend',
    });
  });

  it('takes APP_DATABASE_URL and APP_DATABASE_PASSWORD when given', () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: 'postgres://o@h/db', APP_DATABASE_PASSWORD: 'pw' })).toMatchObject({
      appUrl: 'postgres://mend_app:pw@h/db',
    });
    expect(
      resolveDatabaseConfig({ DATABASE_URL: 'postgres://o@h/db', APP_DATABASE_URL: 'postgres://app@h2/db' }),
    ).toMatchObject({ appUrl: 'postgres://app@h2/db' });
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['mysql://u@h/db', /must start with postgres:\/\//],
    ['postgres://u@h', /must name a host and a database/],
  ])('refuses DATABASE_URL=%s with one clear sentence', (url, message) => {
    expect(() => resolveDatabaseConfig({ DATABASE_URL: url })).toThrow(DatabaseConfigError);
    expect(() => resolveDatabaseConfig({ DATABASE_URL: url })).toThrow(message);
  });

  it('lets the demo seed run only on this machine', () => {
    expect(isLocalDatabase(resolveDatabaseConfig({}))).toBe(true);
    expect(isLocalDatabase(resolveDatabaseConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }))).toBe(true);
    expect(isLocalDatabase(resolveDatabaseConfig({ DATABASE_URL: 'postgres://u@localhost/db' }))).toBe(true);
    expect(isLocalDatabase(resolveDatabaseConfig({ DATABASE_URL: 'postgres://u@db.example.com/db' }))).toBe(false);
  });
});

describe('describeConnectionError', () => {
  const wrapped = (code: string, message = 'x') => Object.assign(new Error('Failed query: select 1'), { cause: Object.assign(new Error(message), { code }) });
  it.each([
    ['ECONNREFUSED', /connection refused\. Is it running\?/],
    ['ENOTFOUND', /host name does not resolve/],
    ['28000', /run `npm run db:migrate` first/],
    ['3D000', /does not exist/],
  ])('explains %s from the driver error inside the query error', (code, message) => {
    expect(describeConnectionError(wrapped(code), 'DATABASE_URL')).toMatch(message);
  });
});

describe('demoModeEnabled', () => {
  it('is on under next dev and with MEND_DEMO=1, off in production and with MEND_DEMO=0', () => {
    expect(demoModeEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(demoModeEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(demoModeEnabled({ NODE_ENV: 'production', MEND_DEMO: '1' })).toBe(true);
    expect(demoModeEnabled({ NODE_ENV: 'development', MEND_DEMO: '0' })).toBe(false);
    expect(demoModeEnabled({ NODE_ENV: 'test' })).toBe(false);
    expect(demoModeEnabled({})).toBe(false);
  });
});
