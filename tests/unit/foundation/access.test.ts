import { describe, expect, it } from 'vitest';
import { formToObject, echoValues } from '../../../lib/access/form-data';
import { PERMISSIONS, can, type Permission } from '../../../lib/access/permissions';
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
