import { describe, expect, it } from 'vitest';
import { formToObject, echoValues } from '../../../lib/access/form-data';
import { PERMISSIONS, can, type Permission } from '../../../lib/access/permissions';
import { SESSION_POLICY, sessionExpiry } from '../../../lib/auth/session-policy';
import { ROLES } from '../../../lib/auth/types';

describe('the permission map', () => {
  const permissions = Object.keys(PERMISSIONS) as Permission[];

  it.each(permissions.flatMap((p) => ROLES.map((r) => [p, r] as const)))('%s for %s follows the map exactly', (permission, role) => {
    expect(can(role, permission)).toBe((PERMISSIONS[permission] as readonly string[]).includes(role));
  });

  it('refuses a missing role and an unknown permission (default deny)', () => {
    expect(can(null, 'account.changePassword')).toBe(false);
    expect(can(undefined, 'caseload.view')).toBe(false);
    expect(can('admin', 'no.such.permission' as Permission)).toBe(false);
  });

  it('gives clients no clinic permission', () => {
    expect(can('client', 'caseload.view')).toBe(false);
    expect(can('client', 'people.view')).toBe(false);
    expect(can('client', 'client.create')).toBe(false);
  });
});

describe('session limits', () => {
  const t0 = 1_000_000_000_000;
  it('ends after the idle limit and not before', () => {
    const clock = { loginAt: t0, lastActiveAt: t0, idleMinutes: 15 };
    expect(sessionExpiry(clock, t0 + 15 * 60_000)).toBeNull();
    expect(sessionExpiry(clock, t0 + 15 * 60_000 + 1)).toBe('idle');
  });
  it('never allows a practice idle limit above the maximum', () => {
    const clock = { loginAt: t0, lastActiveAt: t0, idleMinutes: 240 };
    expect(sessionExpiry(clock, t0 + SESSION_POLICY.maxIdleMinutes * 60_000 + 1)).toBe('idle');
  });
  it('ends after 12 hours even while active', () => {
    const now = t0 + 12 * 3_600_000 + 1;
    expect(sessionExpiry({ loginAt: t0, lastActiveAt: now - 1000, idleMinutes: 15 }, now)).toBe('absolute');
  });
});

describe('form data', () => {
  it('turns repeated and [] keys into arrays and drops Next internals', () => {
    const data = new FormData();
    data.append('$ACTION_ID_abc', '');
    data.append('name', 'Ana');
    data.append('tag', 'a');
    data.append('tag', 'b');
    data.append('ids[]', 'x');
    expect(formToObject(data)).toEqual({ name: 'Ana', tag: ['a', 'b'], ids: ['x'] });
  });
  it('merges a __json object and ignores a __json that is not an object', () => {
    const data = new FormData();
    data.append('__json', JSON.stringify({ answers: { q1: 2 } }));
    expect(formToObject(data)).toEqual({ answers: { q1: 2 } });
    const bad = new FormData();
    bad.append('__json', '[1,2]');
    expect(formToObject(bad)).toEqual({});
  });
  it('never echoes secret fields', () => {
    expect(echoValues({ email: 'a@b.c', password: 'hunter2hunter2' }, ['password'])).toEqual({ email: 'a@b.c' });
  });
});
