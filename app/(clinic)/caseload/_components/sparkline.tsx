import type { ReactNode } from 'react';

/**
 * A 14-day mood sparkline as plain SVG: no chart library reaches the roster's bundle. Its marks are worked out on
 * the server (sparkline-shape.ts) and drawn here. The roster shows a client's sparkline in two places, one per
 * width (the mood column, and the last check-in's cell at tablet width): it is drawn once, in the group
 * `moodDrawingId(row)` (named by the row's place on the page: a client's id, five times a row, was 4 kB of the
 * page), and the other place is a copy that shows that drawing through `<use>`. Both are named
 * by the drawing's title: an accessible name may come from an element hidden at the current width.
 */
export const SPARKLINE_WIDTH = 112;
export const SPARKLINE_HEIGHT = 28;
const PAD = 3;

/** Polylines of consecutive days, single days as dots, and the latest check-in; coordinates in the frame. */
export type SparklineShape = {
  label: string;
  /** Height of the mid-scale guide line (mood 5). */
  guide: number;
  lines: string[];
  dots: [number, number][];
  last: [number, number];
};

export const moodDrawingId = (row: number) => `mood-${row}`;

function Frame({ drawingId, children }: { drawingId: string; children: ReactNode }) {
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

const noCheckins = <span className="text-xs text-slate-500">No check-ins</span>;

export function MoodSparkline({ row, shape }: { row: number; shape: SparklineShape | null }) {
  if (!shape) return noCheckins;
  const drawingId = moodDrawingId(row);
  return (
    <Frame drawingId={drawingId}>
      {/* The title inside the drawing, so that its copy shows it on hover too. */}
      <g id={drawingId}>
        <title id={`${drawingId}-label`}>{shape.label}</title>
        <line
          x1={PAD}
          x2={SPARKLINE_WIDTH - PAD}
          y1={shape.guide}
          y2={shape.guide}
          className="stroke-slate-200"
          strokeDasharray="2 2"
        />
        {shape.lines.map((points) => (
          <polyline
            key={points}
            points={points}
            fill="none"
            className="stroke-brand-700"
            strokeWidth={1.5}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        ))}
        {shape.dots.map(([cx, cy]) => (
          <circle key={cx} cx={cx} cy={cy} r={1.5} className="fill-brand-700" />
        ))}
        <circle cx={shape.last[0]} cy={shape.last[1]} r={2.5} className="fill-brand-800" />
      </g>
    </Frame>
  );
}

/** The client's sparkline again, showing its drawing (which may sit in a cell hidden at this width). */
export function MoodSparklineCopy({ row, shape }: { row: number; shape: SparklineShape | null }) {
  if (!shape) return noCheckins;
  const drawingId = moodDrawingId(row);
  return (
    <Frame drawingId={drawingId}>
      <use href={`#${drawingId}`} />
    </Frame>
  );
}
