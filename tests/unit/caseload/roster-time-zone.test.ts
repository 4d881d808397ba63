import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { timeZone } from '../../../lib/caseload/roster-facts';

const render = (zone: string) => new PgDialect().sqlToQuery(timeZone(zone));

describe('the roster statement’s time zone', () => {
  it('is a constant in the text for every zone name, so the generic plan can estimate the local day', () => {
    for (const zone of [
      'America/New_York',
      'UTC',
      'Etc/GMT+5',
      'Etc/GMT-14',
      'America/Argentina/Buenos_Aires',
      'Asia/Kathmandu',
    ]) {
      expect(render(zone)).toEqual({ sql: `'${zone}'`, params: [] });
    }
  });

  it('stays a parameter for anything else, never quoted into the text', () => {
    for (const zone of ["x' or true --", 'a\\b', '/etc', 'a//b', '+05:00', '', 'Europe/London;', 'Zone name']) {
      expect(render(zone)).toMatchObject({ sql: '$1', params: [zone] });
    }
  });
});
