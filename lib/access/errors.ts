/** Thrown inside an action to refuse it: the transaction rolls back and the message is shown. */
export class ActionRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** Also used when the record exists but is not the actor's: the two must look the same. */
export class NotFoundRefusal extends ActionRefusal {
  constructor() {
    super('That record was not found, or you do not have access to it.');
  }
}

export const MESSAGES = {
  signedOut: 'Your session has ended. Please sign in again.',
  forbidden: 'You do not have permission to do that.',
  invalid: 'Please correct the highlighted fields.',
  unexpected: 'Something went wrong and nothing was saved. Please try again.',
  unavailable: 'Mend could not reach its database, so nothing was saved yet. Your answers are kept here.',
} as const;
