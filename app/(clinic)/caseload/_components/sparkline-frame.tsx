import type { ReactNode } from 'react';

/**
 * The frame of a mood sparkline, and its copy. The roster shows a client's sparkline in two places, one per
 * width (the mood column, and the last check-in's cell at tablet width): it is drawn once, on the server, in the
 * group `moodDrawingId(clientId)` (sparkline.tsx), and the other place is a copy that shows that drawing through
 * `<use>`, rendered where it is needed from the client's id alone. Both are named by the drawing's title: an
 * accessible name may come from an element hidden at the current width.
 */
export const SPARKLINE_WIDTH = 112;
export const SPARKLINE_HEIGHT = 28;

export const moodDrawingId = (clientId: string) => `mood-${clientId}`;

export function SparklineFrame({ drawingId, children }: { drawingId: string; children: ReactNode }) {
  return (
    <svg
      role="img"
      aria-labelledby={`${drawingId}-label`}
      width={SPARKLINE_WIDTH}
      height={SPARKLINE_HEIGHT}
      viewBox={`0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`}
      className="overflow-visible"
    >
      {children}
    </svg>
  );
}

export const noCheckins = <span className="text-xs text-slate-500">No check-ins</span>;

/** The client's sparkline again, showing its drawing (which may sit in a cell hidden at this width). */
export function MoodSparklineCopy({ clientId, drawn }: { clientId: string; drawn: boolean }) {
  if (!drawn) return noCheckins;
  const drawingId = moodDrawingId(clientId);
  return (
    <SparklineFrame drawingId={drawingId}>
      <use href={`#${drawingId}`} />
    </SparklineFrame>
  );
}
