import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trendChart } from '@/lib/reports/chart';
import { percent, summariseCheckins } from '@/lib/reports/checkin-summary';
import { CHECKIN_HEADER, MEASURE_ITEM_COLUMNS, checkinsCsv, isExportFile, measuresCsv } from '@/lib/reports/csv-files';
import { parseReportPeriod, periodDays } from '@/lib/reports/period';
import { isoInZone } from '@/lib/time/day';
import { parseCsv } from '../../support/csv';

describe('instants in the practice time zone', () => {
  it.each([
    ['2026-07-01T12:00:00Z', 'America/New_York', '2026-07-01T08:00:00-04:00'],
    ['2026-01-15T12:00:00Z', 'America/New_York', '2026-01-15T07:00:00-05:00'],
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29T01:30:00+01:00'],
    ['2026-03-29T01:30:00Z', 'Europe/Berlin', '2026-03-29T03:30:00+02:00'],
    ['2026-06-01T00:00:00Z', 'Asia/Kolkata', '2026-06-01T05:30:00+05:30'],
    ['2026-06-01T23:59:59Z', 'UTC', '2026-06-01T23:59:59+00:00'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(isoInZone(new Date(instant), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(instant));
  });
});

describe('the report period', () => {
  const today = '2026-11-30';
  it('defaults to the 90 days ending today', () => {
    expect(parseReportPeriod({}, today)).toEqual({
      period: { from: '2026-09-02', to: today },
      values: { from: '2026-09-02', to: today },
      errors: {},
    });
    expect(periodDays({ from: '2026-09-02', to: today })).toBe(90);
  });

  it('takes a valid period as given', () => {
    expect(parseReportPeriod({ from: '2026-01-01', to: '2026-03-31' }, today).period).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-31' }, { from: 'Enter the first day as a date (YYYY-MM-DD).' }],
    [{ from: '2026-01-01', to: 'soon' }, { to: 'Enter the last day as a date (YYYY-MM-DD).' }],
    [{ from: '2026-01-01', to: '2026-12-01' }, { to: 'The report cannot end after today.' }],
    [{ from: '2026-05-01', to: '2026-04-01' }, { from: 'The first day must be on or before the last day.' }],
  ])('answers %o beside the field, echoes it and shows the default period', (params, errors) => {
    const parsed = parseReportPeriod(params, today);
    expect(parsed.errors).toEqual(errors);
    expect(parsed.values).toEqual(params);
    expect(parsed.period).toEqual({ from: '2026-09-02', to: today });
  });
});

describe('the check-in summary', () => {
  it('counts, averages and splits by window of tolerance', () => {
    const summary = summariseCheckins(
      [
        { mood: 3, distress: 80, window: 'hyper' },
        { mood: 6, distress: 40, window: 'within' },
        { mood: 8, distress: 30, window: 'within' },
      ],
      28,
    );
    expect(summary).toEqual({
      daysInPeriod: 28,
      checkins: 3,
      mood: { mean: 5.7, min: 3, max: 8 },
      distress: { mean: 50, min: 30, max: 80 },
      window: { hypo: 0, within: 2, hyper: 1 },
    });
    expect(percent(2, 3)).toBe(67);
  });

  it('has no averages without check-ins (no data is not zero)', () => {
    expect(summariseCheckins([], 7)).toMatchObject({ checkins: 0, mood: null, distress: null });
    expect(percent(0, 0)).toBeNull();
  });
});

describe('the trend chart geometry', () => {
  const base = {
    domain: [Date.parse('2026-09-01T00:00:00Z'), Date.parse('2026-09-11T00:00:00Z')] as [number, number],
    yRange: { min: 0, max: 27 },
    timeZone: 'UTC',
  };

  it('places points by time and score inside the plot, the baseline as its own mark', () => {
    const g = trendChart({
      ...base,
      points: [
        { t: base.domain[0], y: 27, isBaseline: true },
        { t: base.domain[1], y: 0 },
      ],
    });
    expect(g.dots).toEqual([
      { x: g.plot.left, y: g.plot.top, isBaseline: true },
      { x: g.plot.right, y: g.plot.bottom, isBaseline: false },
    ]);
    expect(g.path).toBe(`M${g.plot.left} ${g.plot.top} L${g.plot.right} ${g.plot.bottom}`);
  });

  it('shades each band, draws the reliable-change lines around the baseline and marks homework inside the period only', () => {
    const g = trendChart({
      ...base,
      bands: [
        { label: 'Minimal', min: 0, max: 4 },
        { label: 'Mild', min: 5, max: 9 },
      ],
      points: [],
      baseline: { t: base.domain[0], y: 12 },
      threshold: 6,
      markers: [base.domain[0] + 86_400_000, base.domain[1] + 86_400_000],
    });
    expect(g.bands.map((b) => b.label)).toEqual(['Minimal', 'Mild']);
    expect(new Set(g.bands.map((b) => b.shade)).size).toBe(2);
    expect(g.thresholdLines.map((l) => l.label)).toEqual(['baseline + 6', 'baseline − 6']);
    expect(g.markers).toHaveLength(1);
    expect(g.baselineX).toBe(g.plot.left);
  });
});

describe('the CSV files', () => {
  it('start with a byte-order mark and keep names in any script', () => {
    const csv = checkinsCsv(
      'Łucja 王芳',
      [
        {
          localDay: '2026-11-01',
          mood: 6,
          distress: 40,
          window: 'within',
          sleepHours: 7.5,
          sleepQuality: 3,
          socialContact: '2-3',
          feltConnected: null,
          feltRejected: null,
          selfCare: ['rest', 'movement'],
          note: 'said "no", kindly',
          safetyThoughts: false,
          revision: 1,
          createdAt: new Date('2026-11-01T14:00:00Z'),
          updatedAt: new Date('2026-11-01T14:00:00Z'),
        },
      ],
      'America/New_York',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"said ""no"", kindly"');
    const [header, row] = parseCsv(csv);
    expect(header).toEqual([...CHECKIN_HEADER]);
    expect(row![0]).toBe('Łucja 王芳');
    expect(row![header!.indexOf('Note')]).toBe('said "no", kindly');
    expect(row![header!.indexOf('First recorded')]).toBe('2026-11-01T09:00:00-05:00');
  });

  it('measure answers sit under their item ids, once each, for every instrument', () => {
    expect(MEASURE_ITEM_COLUMNS.slice(0, 3)).toEqual(['q1', 'q2', 'q3']);
    expect(MEASURE_ITEM_COLUMNS).toContain('difficulty');
    expect(MEASURE_ITEM_COLUMNS).toContain('q9b');
    expect(new Set(MEASURE_ITEM_COLUMNS).size).toBe(MEASURE_ITEM_COLUMNS.length);
    const csv = measuresCsv(
      'A',
      [
        {
          id: 'x',
          measure: 'gad7',
          status: 'complete',
          completedAt: new Date('2026-11-01T14:00:00Z'),
          score: 5,
          rawScore: 5,
          band: 'mild',
          prorated: false,
          isBaseline: true,
          answers: { q1: 2, q2: 3 },
        },
      ],
      'UTC',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.charCodeAt(1)).not.toBe(0xfeff);
    const [header, row] = parseCsv(csv);
    expect(row![header!.indexOf('Band')]).toBe('Mild');
    expect(row![header!.indexOf('q2')]).toBe('3');
    expect(row![header!.indexOf('q3')]).toBe('');
  });

  it('only the three named files exist', () => {
    expect(['checkins', 'measures', 'homework'].every(isExportFile)).toBe(true);
    expect(isExportFile('../audit')).toBe(false);
  });
});

describe('the report page stays light', () => {
  const root = new URL('../../../', import.meta.url);
  const files = [
    'app/_components/report/progress-report.tsx',
    'app/_components/report/trend-chart.tsx',
    'app/_components/report/report-controls.tsx',
    'app/_components/report/summary-editor.tsx',
    'app/_components/report/print-button.tsx',
    'app/(clinic)/clients/[clientId]/report/page.tsx',
    'app/portal/report/page.tsx',
  ];

  it('draws its charts on the server: no chart library, and only the summary box and print button run in the browser', () => {
    for (const file of files) {
      const source = readFileSync(new URL(file, root), 'utf8');
      expect(source, file).not.toMatch(/from ['"]recharts['"]|_components\/charts\//);
      const client = /^['"]use client['"]/m.test(source);
      expect(client, file).toBe(file.endsWith('summary-editor.tsx') || file.endsWith('print-button.tsx'));
    }
  });
});
