import { boundariesV1 } from './templates/boundaries';
import { journalingPromptV1 } from './templates/journaling-prompt';
import { recoveryToolkitV1 } from './templates/recovery-toolkit';
import { safePlaceV1 } from './templates/safe-place';
import { safetyPlanV1 } from './templates/safety-plan';
import { selfCompassionBreakV1 } from './templates/self-compassion-break';
import { supportNetworkV1 } from './templates/support-network';
import { thoughtRecordV1 } from './templates/thought-record';
import type { ExerciseTemplate } from './types';

export interface TemplateVersions {
  readonly latestVersion: number;
  readonly versions: Readonly<Record<number, ExerciseTemplate>>;
}

function versionsOf(...templates: ExerciseTemplate[]): TemplateVersions {
  const versions: Record<number, ExerciseTemplate> = {};
  for (const t of templates) versions[t.version] = t;
  return { latestVersion: Math.max(...templates.map((t) => t.version)), versions };
}

/**
 * Every version ever shipped stays here: a submission stores (key, version) and must keep validating and
 * rendering against the exact description it was made with. Add a new version; never edit an old one.
 */
export const builtInTemplates = {
  thought_record: versionsOf(thoughtRecordV1),
  journaling_prompt: versionsOf(journalingPromptV1),
  self_compassion_break: versionsOf(selfCompassionBreakV1),
  safe_place: versionsOf(safePlaceV1),
  boundaries: versionsOf(boundariesV1),
  support_network: versionsOf(supportNetworkV1),
  recovery_toolkit: versionsOf(recoveryToolkitV1),
  safety_plan: versionsOf(safetyPlanV1),
} as const satisfies Record<string, TemplateVersions>;

export type BuiltInTemplateKey = keyof typeof builtInTemplates;

export const BUILT_IN_TEMPLATE_KEYS = Object.keys(builtInTemplates) as BuiltInTemplateKey[];

export function isBuiltInTemplateKey(key: string): key is BuiltInTemplateKey {
  return Object.hasOwn(builtInTemplates, key);
}

export function getTemplate(key: string, version: number): ExerciseTemplate | undefined {
  if (!isBuiltInTemplateKey(key)) return undefined;
  const versions: Readonly<Record<number, ExerciseTemplate>> = builtInTemplates[key].versions;
  return Object.hasOwn(versions, version) ? versions[version] : undefined;
}

export function getLatestTemplate(key: string): ExerciseTemplate | undefined {
  return isBuiltInTemplateKey(key) ? getTemplate(key, builtInTemplates[key].latestVersion) : undefined;
}

/** The current version of every built-in exercise, in library order. */
export function latestBuiltInTemplates(): ExerciseTemplate[] {
  return BUILT_IN_TEMPLATE_KEYS.flatMap((key) => getLatestTemplate(key) ?? []);
}

export type ResolveTemplateResult =
  | { ok: true; template: ExerciseTemplate; isLatest: boolean }
  | { ok: false; error: 'unknown_template'; message: string }
  | { ok: false; error: 'unknown_version'; message: string; latestVersion: number };

/**
 * Finds the exact (key, version) a submission or assignment refers to. Never throws, and never falls back
 * to another version: validating answers against the wrong description would silently corrupt them.
 */
export function resolveTemplateVersion(key: string, version: number): ResolveTemplateResult {
  if (!isBuiltInTemplateKey(key)) {
    return { ok: false, error: 'unknown_template', message: `There is no built-in exercise called "${key}".` };
  }
  const { latestVersion } = builtInTemplates[key];
  const template = Number.isInteger(version) ? getTemplate(key, version) : undefined;
  if (!template) {
    return {
      ok: false,
      error: 'unknown_version',
      message: `Version ${String(version)} of "${key}" does not exist; the latest is version ${latestVersion}.`,
      latestVersion,
    };
  }
  return { ok: true, template, isLatest: version === latestVersion };
}
