/** A therapist's comment as the form and the read-only view show it beside a field. */
export interface FieldComment {
  readonly id: string;
  readonly body: string;
  /** 'private' notes are only ever passed to the therapist's view; the client's queries never return them. */
  readonly visibility?: 'client' | 'private';
  readonly author?: string;
  /** When it was written, already formatted in the practice's time zone (by the server). */
  readonly dateLabel?: string;
  /** The submission version the comment was made on. */
  readonly version?: number;
}

/** Comments keyed by the dotted answer path they are anchored to ('evidence_against', 'emotions.1.intensity'). */
export type CommentsByPath = Readonly<Record<string, readonly FieldComment[]>>;

/** DOM id for a field path, shared by the form, the view and links from error summaries. */
export function fieldDomId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
