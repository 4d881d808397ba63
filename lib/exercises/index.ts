export * from './types';
export * from './schema';
export * from './fields';
export { slugify, uniqueSlug, normalizeNewlines, hasForbiddenControl, isWellFormedText } from './text';
export * from './distortions';
export * from './journaling-prompts';
export * from './registry';
export * from './custom';
export * from './diff';
export * from './intensities';
export * from './alerts';
export { THOUGHT_RECORD_KEY, thoughtRecordV1 } from './templates/thought-record';
export { JOURNALING_PROMPT_KEY, journalingPromptV1 } from './templates/journaling-prompt';
export { SELF_COMPASSION_BREAK_KEY, selfCompassionBreakV1 } from './templates/self-compassion-break';
export { SAFE_PLACE_KEY, safePlaceV1 } from './templates/safe-place';
export { BOUNDARIES_KEY, boundariesV1 } from './templates/boundaries';
export {
  SUPPORT_NETWORK_KEY,
  supportNetworkV1,
  INITIALS_PATTERN,
  SUPPORT_CIRCLES,
  SUPPORT_KINDS,
  CONTACT_FREQUENCIES,
} from './templates/support-network';
export { RECOVERY_TOOLKIT_KEY, recoveryToolkitV1, DEFAULT_AGREED_STEP } from './templates/recovery-toolkit';
export { SAFETY_PLAN_KEY, safetyPlanV1 } from './templates/safety-plan';
