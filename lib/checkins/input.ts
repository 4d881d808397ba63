import { z } from 'zod';
import { NOT_SET_FIELD, SLIDER_FIELDS, unmovedSlider } from './fields';
import { checkinSchema } from './rules';

/**
 * Turns a submitted check-in form into the typed shape checkinSchema expects. Only the check-in's own fields
 * are kept: anything else a request carries (a clientId above all) is dropped, because whose check-in it is
 * comes from the session, never from the form. Values that cannot be read are passed through as they are,
 * so the schema names the field in its error.
 */
const NUMBER_FIELDS = ['mood', 'distress', 'sleepHours', 'sleepQuality', 'feltConnected', 'feltRejected'] as const;

function readNumber(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : value;
}

function readBoolean(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'yes' || value === 'true') return true;
  if (value === 'no' || value === 'false') return false;
  return value;
}

function readOptionalText(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  return value.trim() === '' ? undefined : value;
}

export function normalizeCheckinForm(raw: unknown): Record<string, unknown> {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const field of NUMBER_FIELDS) {
    const value = readNumber(source[field]);
    if (value !== undefined) out[field] = value;
  }
  // A slider drawn without an answer and sent from where it rests was not moved (see NOT_SET_FIELD).
  for (const field of SLIDER_FIELDS) if (unmovedSlider(field, out[field], source[NOT_SET_FIELD])) delete out[field];
  const window = readOptionalText(source.window);
  if (window !== undefined) out.window = window;
  const social = readOptionalText(source.socialContact);
  if (social !== undefined) out.socialContact = social;
  const note = readOptionalText(source.note);
  if (note !== undefined) out.note = note;
  const selfCare = source.selfCare;
  if (selfCare !== undefined && selfCare !== '') out.selfCare = Array.isArray(selfCare) ? selfCare : [selfCare];
  const safety = readBoolean(source.safetyThoughts);
  if (safety !== undefined) out.safetyThoughts = safety;
  return out;
}

/** The action's input: the form, normalized, checked against the full check-in (safety answer optional). */
export const checkinFormInput = z.preprocess(normalizeCheckinForm, checkinSchema);
