/**
 * Email bodies for account links. They name the practice and the link's purpose, never a client,
 * a therapist's caseload or anything clinical: email is not a private channel.
 */
export function invitationEmail(input: { practiceName: string; link: string; expiresInDays: number }) {
  return {
    subject: `Your invitation to ${input.practiceName} on Mend`,
    text: [
      `You have been invited to set up an account with ${input.practiceName} on Mend.`,
      '',
      'Open this link to choose your password:',
      input.link,
      '',
      `The link works once and expires in ${input.expiresInDays} days. If you were not expecting it, you can ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetEmail(input: { practiceName: string; link: string; expiresInHours: number }) {
  return {
    subject: `Reset your Mend password`,
    text: [
      `${input.practiceName} has sent you a link to choose a new Mend password.`,
      '',
      input.link,
      '',
      `The link works once and expires in ${input.expiresInHours} hours. If you did not ask for it, tell your practice; your current password keeps working until the link is used.`,
    ].join('\n'),
  };
}

export function signUpConfirmationEmail(input: { practiceName: string; link: string; expiresInHours: number }) {
  return {
    subject: 'Confirm your new practice on Mend',
    text: [
      `Someone, we hope you, asked to start ${input.practiceName} on Mend with this email address.`,
      '',
      'Open this link to confirm it and create the practice:',
      input.link,
      '',
      `The link works once and expires in ${input.expiresInHours} hours. If you did not ask for it, ignore this email: nothing has been created.`,
    ].join('\n'),
  };
}

/** Sent instead of a confirmation when the address already has a Mend account: sign-up never says so on screen. */
export function existingAccountEmail(input: { signInLink: string }) {
  return {
    subject: 'You already have a Mend account',
    text: [
      'Someone, we hope you, tried to start a new practice on Mend with this email address. It already has an account, so nothing was created.',
      '',
      'Sign in here:',
      input.signInLink,
      '',
      'Forgotten your password? Ask an admin of your practice for a reset link. If it was not you, you can ignore this email.',
    ].join('\n'),
  };
}
