import type { FieldComment } from './types';

/** Comments shown beside the field they are anchored to. Bodies render as text, never as HTML. */
export function FieldComments({ id, comments }: { id?: string; comments: readonly FieldComment[] | undefined }) {
  // A field id such as 'constructor' finds an inherited member on a plain map, not a list.
  if (!Array.isArray(comments) || !comments.length) return null;
  return (
    <ul id={id} className="mt-2 space-y-2" aria-label="Comments on this answer">
      {comments.map((c) => {
        const isPrivate = c.visibility === 'private';
        const date = c.dateLabel;
        return (
          <li
            key={c.id}
            data-testid="field-comment"
            className={`rounded-lg border-l-4 px-3 py-2 text-sm ${isPrivate ? 'border-amber-500 bg-amber-50 text-amber-950' : 'border-brand-600 bg-brand-50 text-brand-900'}`}
          >
            <p className="text-xs font-semibold">
              {isPrivate ? 'Private note (the client never sees this)' : (c.author ?? 'Your therapist')}
              {date ? <span className="font-normal"> · {date}</span> : null}
              {c.version !== undefined ? <span className="font-normal"> · on version {c.version}</span> : null}
            </p>
            <p className="mt-0.5 whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        );
      })}
    </ul>
  );
}
