import { describe, expect, it } from 'vitest';
import { formToObject, unstorableTextErrors } from '../../../lib/access/form-data';
import { UNSTORABLE_TEXT_MESSAGE, malformedUrlReason, normalizeInput } from '../../../lib/security/input';

const PROTOTYPE_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

describe('input from a form becomes maps without a prototype', () => {
  it('a __proto__ key in the JSON part never replaces the prototype zod reads', () => {
    const form = new FormData();
    form.append('__json', '{"__proto__":{"occurrenceId":"00000000-0000-0000-0000-000000000000","admin":true},"answers":{"constructor":1}}');
    const raw = formToObject(form);
    expect(Object.getPrototypeOf(raw)).toBeNull();
    // The smuggled field is not readable as a field of the input.
    expect(raw.occurrenceId).toBeUndefined();
    expect((raw as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.keys(raw).sort()).toEqual(['__proto__', 'answers']);
    expect(Object.getPrototypeOf(raw.answers)).toBeNull();
    expect((raw.answers as Record<string, unknown>).constructor).toBe(1);
  });

  it('prototype-named form fields and object keys are plain data at every depth', () => {
    const form = new FormData();
    for (const key of PROTOTYPE_KEYS) form.append(key, `v-${key}`);
    const raw = formToObject(form);
    for (const key of PROTOTYPE_KEYS) expect(Object.getOwnPropertyDescriptor(raw, key)?.value).toBe(`v-${key}`);
    const nested = normalizeInput(JSON.parse('{"a":[{"__proto__":{"x":1},"toString":"t"}]}')) as { a: Record<string, unknown>[] };
    expect(Object.getPrototypeOf(nested.a[0])).toBeNull();
    expect(nested.a[0]!.x).toBeUndefined();
    expect(nested.a[0]!.toString).toBe('t');
  });

  it('nesting deeper than any form is cut off instead of exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}1${']'.repeat(5000)}`) as unknown;
    expect(() => normalizeInput(deep)).not.toThrow();
  });
});

describe('text Postgres cannot store is refused beside its field', () => {
  it('names a NUL byte or a lone surrogate at any depth, and a bad key at its object', () => {
    const raw = formToObject({ firstName: 'Al\u0000ex', note: 'fine', answers: { situation: 'half \ud83d', ok: 'x' }, list: ['a', 'b\udc00'], ['k\u0000']: 1 });
    expect(unstorableTextErrors(raw)).toEqual({
      firstName: [UNSTORABLE_TEXT_MESSAGE],
      'answers.situation': [UNSTORABLE_TEXT_MESSAGE],
      'list.1': [UNSTORABLE_TEXT_MESSAGE],
      _form: [UNSTORABLE_TEXT_MESSAGE],
    });
    expect(unstorableTextErrors(formToObject({ name: 'Zoë 😀 \u202e', text: 'tab\tnew\nline' }))).toBeNull();
  });
});

describe('a URL that is not valid text is refused before any page or handler', () => {
  it.each([
    ['/caseload/export?q=%00'],
    ['/caseload?q=a%00b'],
    ['/admin/clients?status=active&q=%00'],
    ['/admin/people?%00=x'],
    ['/%FF%FE'],
    ['/clients/%FF%FE'],
    ['/caseload?q=%ED%A0%80'],
    ['/caseload?q=%E0%A4%A'],
    ['/caseload?q=%'],
    ['/clients/a%00b'],
  ])('%s', (url) => {
    expect(malformedUrlReason(`http://localhost${url}`)).toEqual(expect.any(String));
  });

  it.each([['/caseload?q=Zo%C3%AB%20%F0%9F%98%80'], ['/caseload?q=a+b&q=c'], ['/admin/clients?constructor=1&__proto__=x'], ['/clients/6f1c2e5a-0000-4000-8000-000000000000'], ['/login']])(
    '%s is served',
    (url) => {
      expect(malformedUrlReason(`http://localhost${url}`)).toBeNull();
    },
  );
});
