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
