import { type TrendChartInput, trendChart } from '@/lib/reports/chart';

/**
 * A trend chart drawn on the server as plain SVG for the printed report: greys, dashes and shapes only, so it
 * prints the same in black and white, and no JavaScript. The figure's caption and the tables beside it carry
 * every number, so the drawing itself is hidden from screen readers.
 */
export function TrendChart({ title, caption, ...input }: TrendChartInput & { title: string; caption: string }) {
  const g = trendChart(input);
  const { left, top, right, bottom } = g.plot;
  return (
    <figure className="report-figure">
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        width="100%"
        role="img"
        aria-label={title}
        className="block h-auto w-full"
        style={{ shapeRendering: 'geometricPrecision', fontFamily: 'Arial, Helvetica, sans-serif' }}
      >
        {g.bands.map((band) => (
          <g key={band.label}>
            <rect x={left} y={band.y} width={right - left} height={band.height} fill={band.shade} />
            <line x1={left} x2={right} y1={band.y} y2={band.y} stroke="#9a9a9a" strokeWidth={0.5} />
            <text x={right + 6} y={band.labelY} fontSize={9} fill="#222">
              {band.label}
            </text>
          </g>
        ))}
        <rect
          x={left}
          y={top}
          width={right - left}
          height={bottom - top}
          fill="none"
          stroke="#555"
          strokeWidth={0.75}
        />
        {g.yTicks.map((tick) => (
          <g key={`y${tick.label}`}>
            <line x1={left - 3} x2={left} y1={tick.y} y2={tick.y} stroke="#555" strokeWidth={0.75} />
            <text x={left - 5} y={tick.y + 3} fontSize={9} textAnchor="end" fill="#222">
              {tick.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((tick, i) => (
          <g key={`x${i}`}>
            <line x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 3} stroke="#555" strokeWidth={0.75} />
            <text
              x={tick.x}
              y={bottom + 13}
              fontSize={9}
              textAnchor={i === 0 ? 'start' : i === g.xTicks.length - 1 ? 'end' : 'middle'}
              fill="#222"
            >
              {tick.label}
            </text>
          </g>
        ))}
        {g.thresholdLines.map((line) => (
          <g key={line.label}>
            <line x1={left} x2={right} y1={line.y} y2={line.y} stroke="#000" strokeWidth={0.75} strokeDasharray="2 2" />
            <text
              x={right - 4}
              y={line.y - 2.5}
              fontSize={8}
              textAnchor="end"
              fill="#000"
              fontStyle="italic"
              stroke="#fff"
              strokeWidth={2.5}
              paintOrder="stroke"
            >
              {line.label}
            </text>
          </g>
        ))}
        {g.baselineX !== null ? (
          <g>
            <line
              x1={g.baselineX}
              x2={g.baselineX}
              y1={top}
              y2={bottom}
              stroke="#000"
              strokeWidth={0.75}
              strokeDasharray="5 3"
            />
            <text x={g.baselineX + 3} y={top + 9} fontSize={8} fill="#000">
              baseline
            </text>
          </g>
        ) : null}
        {g.markers.map((marker, i) => (
          <path
            key={`m${i}`}
            d={`M${marker.x} ${bottom - 1} l-3.5 -6 h7 z`}
            fill="#fff"
            stroke="#000"
            strokeWidth={0.75}
          />
        ))}
        {g.path ? <path d={g.path} fill="none" stroke="#000" strokeWidth={1.5} strokeLinejoin="round" /> : null}
        {g.dots.map((dot, i) =>
          dot.isBaseline ? (
            <rect
              key={`d${i}`}
              x={dot.x - 3.5}
              y={dot.y - 3.5}
              width={7}
              height={7}
              fill="#fff"
              stroke="#000"
              strokeWidth={1.25}
            />
          ) : (
            <circle key={`d${i}`} cx={dot.x} cy={dot.y} r={2.5} fill="#000" />
          ),
        )}
      </svg>
      <figcaption className="mt-1 text-xs text-slate-700">{caption}</figcaption>
    </figure>
  );
}
