import { z } from 'zod';
import { refuseWeakPassword } from '@/lib/auth/password-strength';
import { emailField, newPasswordField, personName } from '@/lib/practice/schemas';

export const INVITABLE_ROLES = ['admin', 'therapist', 'client'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const ROLE_MESSAGE = 'Choose a role this practice can grant: admin, therapist or client.';

export const inviteInput = z
  .object({
    email: emailField,
    role: z.enum(INVITABLE_ROLES, ROLE_MESSAGE),
    clientId: z
      .union([z.literal(''), z.uuid('Choose a client record from the list.')])
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    // A client's portal login is always tied to their clinical record; staff never are.
    if (v.role === 'client' && !v.clientId) {
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Choose the client record this login belongs to.' });
    }
    if (v.role !== 'client' && v.clientId) {
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Only a client invitation is linked to a client record.' });
    }
  });

export const invitationIdInput = z.object({ invitationId: z.uuid('That invitation was not found.') });

export const acceptWithLoginInput = z.object({
  token: z.string().max(100),
  password: z.string().min(1, 'Enter the password of your Mend account.').max(1024),
});

export const acceptInput = z
  .object({
    token: z.string().max(100),
    name: personName,
    password: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' })
  .superRefine(refuseWeakPassword('password', (v) => [v.name]));

export const resetInput = z
  .object({
    token: z.string().max(100),
    password: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' })
  .superRefine(refuseWeakPassword('password'));
