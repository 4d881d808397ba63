import { z } from 'zod';
import { isBreachedPassword } from './breached-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/** The one rule for a new password, wherever one is set (sign-up, invitation, reset, change). */
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, 'Use at most 256 characters.')
  .refine((p) => !isBreachedPassword(p), 'That password appears in lists of breached passwords. Choose another.');
