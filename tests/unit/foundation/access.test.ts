import { describe, expect, it } from 'vitest';
import { formToObject, echoValues } from '../../../lib/access/form-data';
import { PERMISSIONS, can, type Permission } from '../../../lib/access/permissions';
import { ROLES } from '../../../lib/auth/types';

/**
 * Who may attempt what, written out by hand as the product intends it (docs/clinical.md §6, docs/architecture.md
 * §2.1): a change to the permission map has to change this table too, so it is made on purpose.
 * Columns: admin, therapist, client.
 */
const Y = true;
const _ = false;
const INTENDED: Record<string, readonly [admin: boolean, therapist: boolean, client: boolean]> = {
  'account.changePassword': [Y, Y, Y],
  'account.manageSessions': [Y, Y, Y],
  'push.subscribe':         [Y, Y, Y],
  'caseload.view':          [Y, Y, _],
  'caseload.export':        [Y, Y, _],
  'client.viewRecord':      [Y, Y, _],
  'client.viewClinical':    [Y, Y, _],
  'client.export':          [Y, Y, _],
  'alert.view':             [Y, Y, _],
  'alert.acknowledge':      [Y, Y, _],
  'library.view':           [Y, Y, _],
  'exercise.author':        [Y, Y, _],
  'assignment.create':      [Y, Y, _],
  'assignment.manage':      [Y, Y, _],
  'notifications.digest':   [Y, Y, _],
  'people.view':            [Y, _, _],
  'people.manage':          [Y, _, _],
  'client.create':          [Y, _, _],
  'client.manage':          [Y, _, _],
  'invitation.manage':      [Y, _, _],
  'practice.overview':      [Y, _, _],
  'practice.settings':      [Y, _, _],
  'audit.view':             [Y, _, _],
  'measure.schedule':       [_, Y, _],
  'measure.markBaseline':   [_, Y, _],
  'submission.review':      [_, Y, _],
  'checkin.submit':         [_, _, Y],
  'measure.submit':         [_, _, Y],
  'progress.viewOwn':       [_, _, Y],
  'submission.write':       [_, _, Y],
  'export.own':             [_, _, Y],
  'reminders.manageOwn':    [_, _, Y],
};
const COLUMNS = ['admin', 'therapist', 'client'] as const;

describe('the permission map', () => {
  it('names exactly the operations of the intended table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(INTENDED).sort());
  });

  it.each(Object.entries(INTENDED).flatMap(([permission, row]) => COLUMNS.map((role, i) => [permission, role, row[i]] as const)))(
    '%s for %s: %s',
    (permission, role, allowed) => {
      expect(can(role, permission as Permission)).toBe(allowed);
    },
  );

  it('refuses a missing role and an unknown permission (default deny)', () => {
    expect(can(null, 'account.changePassword')).toBe(false);
    expect(can(undefined, 'caseload.view')).toBe(false);
    expect(can('admin', 'no.such.permission' as Permission)).toBe(false);
    expect(can('admin', 'toString' as Permission)).toBe(false);
  });

  it('knows no role but the three', () => {
    expect(ROLES).toEqual(['admin', 'therapist', 'client']);
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
