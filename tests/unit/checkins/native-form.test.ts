import { describe, expect, it } from 'vitest';
import { formToObject } from '@/lib/access/form-data';
import { CHECKIN_RANGES, NOT_SET_FIELD, SLIDER_FIELDS, restingValue } from '@/lib/checkins/fields';
import { checkinFormInput, normalizeCheckinForm } from '@/lib/checkins/input';
import { sentCheckin } from '@/app/portal/check-in/values';

/** A check-in form as the browser posts it natively: every slider sends a value, unset ones also their name. */
function posted(fields: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return formToObject(data);
}

describe('a check-in posted natively', () => {
  it('reads an unmoved slider as no answer, and a moved one as its value', () => {
    const raw = posted([
      [NOT_SET_FIELD, 'mood'],
      ['mood', String(restingValue(CHECKIN_RANGES.mood))],
      [NOT_SET_FIELD, 'distress'],
      ['distress', '40'],
      ['window', 'within'],
      [NOT_SET_FIELD, 'sleepHours'],
      ['sleepHours', String(restingValue(CHECKIN_RANGES.sleepHours))],
      ['feltConnected', String(restingValue(CHECKIN_RANGES.feltConnected))],
      ['selfCare[]', 'rest'],
      ['note', 'A walk'],
    ]);
    const parsed = checkinFormInput.safeParse(raw);
    expect(parsed.success).toBe(false);
    // Mood was never moved: it is unanswered, and said so beside the field.
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['mood']);

    const answered = checkinFormInput.parse(
      posted([
        ['mood', '7'],
        ['distress', '40'],
        ['window', 'within'],
        [NOT_SET_FIELD, 'sleepHours'],
        ['sleepHours', String(restingValue(CHECKIN_RANGES.sleepHours))],
        // Drawn with an answer (today's earlier check-in): its resting value is an answer.
        ['feltConnected', String(restingValue(CHECKIN_RANGES.feltConnected))],
        ['selfCare[]', 'rest'],
        ['note', 'A walk'],
      ]),
    );
    expect(answered).toMatchObject({
      mood: 7,
      distress: 40,
      window: 'within',
      feltConnected: 5,
      selfCare: ['rest'],
      note: 'A walk',
    });
    // Drawn without an answer and sent from where it rests: not an answer of 7 hours.
    expect(answered).not.toHaveProperty('sleepHours');
  });

  it('draws a refused post again from what it sent, unmoved sliders still unset', () => {
    const values = sentCheckin({
      [NOT_SET_FIELD]: ['mood', 'feltRejected'],
      mood: String(restingValue(CHECKIN_RANGES.mood)),
      distress: '40',
      window: 'hyper',
      sleepQuality: '0',
      feltRejected: '8',
      selfCare: ['rest', 'movement'],
      note: 'Kept',
      safetyThoughts: 'no',
    });
    expect(values).toEqual({
      mood: null,
      distress: 40,
      window: 'hyper',
      sleepHours: null,
      sleepQuality: 0,
      socialContact: null,
      feltConnected: null,
      feltRejected: 8,
      selfCare: ['rest', 'movement'],
      note: 'Kept',
      safetyThoughts: 'no',
    });
  });
});

describe('every slider of a check-in posted natively', () => {
  it('is no answer, or its value, alike where it is stored and where a refused post is drawn again', () => {
    for (const field of SLIDER_FIELDS) {
      const rest = restingValue(CHECKIN_RANGES[field]);
      const moved = rest === CHECKIN_RANGES[field].min ? CHECKIN_RANGES[field].max : CHECKIN_RANGES[field].min;
      for (const [value, drawnUnset, answer] of [
        [rest, true, undefined],
        [moved, true, moved],
        [rest, false, rest],
      ] as const) {
        const fields: [string, string][] = [[field, String(value)]];
        if (drawnUnset) fields.unshift([NOT_SET_FIELD, field]);
        expect(normalizeCheckinForm(posted(fields))[field]).toBe(answer);
        expect(sentCheckin({ ...posted(fields) } as Record<string, string | string[]>)[field]).toBe(answer ?? null);
      }
    }
  });
});

describe('text with line breaks, as a browser sends a form', () => {
  // The multipart encoding sends every line break as CRLF (natively or from a script's FormData); the page counts
  // and shows one LF.
  const asSent = (text: string) => text.replace(/\n/g, '\r\n');

  it('is read with the line breaks the page showed, in every field and list', () => {
    const data = new FormData();
    data.append('note', asSent('one\ntwo\n'));
    data.append('old', 'mac\rline');
    data.append('items[]', asSent('a\nb'));
    expect({ ...formToObject(data) }).toEqual({ note: 'one\ntwo\n', old: 'mac\nline', items: ['a\nb'] });
  });

  it('keeps a check-in note the page counted as within its limit within it, stored as shown', () => {
    const note = `${'x'.repeat(CHECKIN_RANGES.noteMaxChars - 40)}${'\n'.repeat(40)}`;
    const parsed = checkinFormInput.parse(
      posted([
        ['mood', '4'],
        ['distress', '30'],
        ['window', 'within'],
        ['note', asSent(note)],
      ]),
    );
    expect(parsed.note).toBe(note);
  });
});
