/**
 * Geometry of the report's trend charts, computed on the server and drawn as plain SVG: no chart library
 * and no JavaScript reach the printed page. Everything is told apart by shade, dash and shape rather than
 * colour, so a black-and-white printer keeps every distinction (docs/clinical.md §2.6: severity bands as shaded
 * backgrounds, the baseline, the reliable-change thresholds and the days homework was assigned).
 */

import { DAY_MONTH, dateTimeFormat } from '@/lib/time/format';

export interface ChartBand {
  label: string;
  min: number;
  max: number;
}

export interface ChartPoint {
  t: number;
  y: number;
  isBaseline?: boolean;
}

export interface TrendChartInput {
  /** x-domain in ms since the epoch. */
  domain: [number, number];
  yRange: { min: number; max: number };
  bands?: readonly ChartBand[];
  points: readonly ChartPoint[];
  /** Baseline score: with a threshold, the band outside which a change is reliable is drawn around it. */
  baseline?: { t: number; y: number } | null;
  threshold?: number | null;
  /** Instants homework was assigned. */
  markers?: readonly number[];
  timeZone: string;
  width?: number;
  height?: number;
}

export interface TrendChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bands: { y: number; height: number; label: string; labelY: number; shade: string }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  path: string;
  dots: { x: number; y: number; isBaseline: boolean }[];
  baselineX: number | null;
  thresholdLines: { y: number; label: string }[];
  markers: { x: number }[];
}

/** Greys far enough apart to tell neighbouring bands apart on paper; lightest for the first band. */
const BAND_SHADES = ['#f4f4f4', '#e4e4e4', '#d2d2d2', '#c0c0c0', '#adadad'];

const MARGIN = { left: 36, right: 118, top: 8, bottom: 24 };

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Up to `count` evenly spaced round values across a range. */
function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (span <= 0) return [min];
  const rough = span / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

export function trendChart(input: TrendChartInput): TrendChartGeometry {
  const width = input.width ?? 640;
  const height = input.height ?? 170;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const [t0, t1raw] = input.domain;
  const t1 = t1raw > t0 ? t1raw : t0 + 86_400_000;
  const { min, max } = input.yRange;
  const x = (t: number) => round(plot.left + ((t - t0) / (t1 - t0)) * (plot.right - plot.left));
  const clampY = (v: number) => Math.min(max, Math.max(min, v));
  const y = (v: number) => round(plot.bottom - ((clampY(v) - min) / (max - min || 1)) * (plot.bottom - plot.top));

  const bands = (input.bands ?? []).map((band, i) => {
    const top = y(band.max);
    const bottom = y(band.min);
    return {
      y: top,
      height: round(Math.max(bottom - top, 0)),
      label: band.label,
      labelY: round((top + bottom) / 2 + 3),
      shade: BAND_SHADES[i % BAND_SHADES.length]!,
    };
  });

  const yTicks = niceTicks(min, max).map((v) => ({ y: y(v), label: formatTick(v) }));
  const dayLabel = dateTimeFormat(DAY_MONTH, input.timeZone, 'en-GB');
  const tickCount = 5;
  const xTicks = Array.from({ length: tickCount }, (_, i) => {
    const t = t0 + ((t1 - t0) * i) / (tickCount - 1);
    return { x: x(t), label: dayLabel.format(new Date(t)) };
  });

  const inDomain = input.points.filter((p) => p.t >= t0 && p.t <= t1).sort((a, b) => a.t - b.t);
  const dots = inDomain.map((p) => ({ x: x(p.t), y: y(p.y), isBaseline: Boolean(p.isBaseline) }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join(' ');

  const baseline = input.baseline ?? null;
  const baselineX = baseline && baseline.t >= t0 && baseline.t <= t1 ? x(baseline.t) : null;
  const thresholdLines: { y: number; label: string }[] = [];
  if (baseline && input.threshold) {
    for (const sign of [1, -1] as const) {
      const level = baseline.y + sign * input.threshold;
      if (level > min && level < max) {
        thresholdLines.push({ y: y(level), label: `baseline ${sign > 0 ? '+' : '−'} ${formatTick(input.threshold)}` });
      }
    }
  }
  const markers = (input.markers ?? []).filter((t) => t >= t0 && t <= t1).map((t) => ({ x: x(t) }));

  return { width, height, plot, bands, yTicks, xTicks, path, dots, baselineX, thresholdLines, markers };
}
