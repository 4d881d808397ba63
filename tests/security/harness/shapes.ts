import type { FuzzShapes } from './report';

const PROTOTYPE_KEY = /^(constructor|toString|hasOwnProperty|valueOf|__proto__|isPrototypeOf|__defineGetter__)$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MALFORMED_ENCODING = /%(?![0-9A-Fa-f]{2})|%(?:FF|FE|C0|ED%A0|E0%A4%A(?![0-9A-Fa-f]))/i;

export function emptyShapes(): FuzzShapes {
  return { prototypeKeys: 0, nulBytes: 0, malformedEncodings: 0, loneSurrogates: 0 };
}

/** Which of the hostile shapes a payload (object, form, URL text) carries, anywhere in it; counted once each. */
export function countShapes(shapes: FuzzShapes, payload: unknown): void {
  const found = { prototypeKeys: false, nulBytes: false, malformedEncodings: false, loneSurrogates: false };
  const text = (value: string) => {
    if (value.includes('\u0000') || /%00/.test(value) || /\\u0000/.test(value)) found.nulBytes = true;
    if (LONE_SURROGATE.test(value) || /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(value)) found.loneSurrogates = true;
    if (MALFORMED_ENCODING.test(value)) found.malformedEncodings = true;
    if (PROTOTYPE_KEY.test(value) || /"(constructor|toString|hasOwnProperty|valueOf|__proto__)"\s*:|[?&](constructor|toString|hasOwnProperty|valueOf|__proto__)=/.test(value)) found.prototypeKeys = true;
  };
  const visit = (value: unknown, depth: number) => {
    if (depth > 20 || value == null) return;
    if (typeof value === 'string') return text(value);
    if (typeof value !== 'object') return;
    if (value instanceof FormData) {
      for (const [k, v] of value.entries()) {
        text(k);
        if (typeof v === 'string') text(v);
      }
      return;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') continue;
      text(key);
      visit((value as Record<string, unknown>)[key], depth + 1);
    }
  };
  visit(payload, 0);
  for (const shape of Object.keys(found) as (keyof FuzzShapes)[]) if (found[shape]) shapes[shape] += 1;
}
