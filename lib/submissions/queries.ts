/*
 * The submissions domain's reads, by audience: the client's portal (portal.ts), the care team's review
 * (review.ts) and the thought record's trend (trends.ts). Pages import from here; the review inbox with its
 * filters is inbox.ts.
 */
export type { CommentView, SubmissionStatus } from './shared';
export { commentsByPath } from './shared';
export * from './portal';
export * from './review';
export * from './trends';
