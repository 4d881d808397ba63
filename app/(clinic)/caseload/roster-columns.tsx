'use client';

import {
  type Row,
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/app/_components/ui';
import type { DisplayMeasure, DisplayRow } from '@/lib/caseload/display';
import { COLUMN_LABELS as L, FOLDED_AT_TABLET, FOLDED_IN_TABLE } from './roster-layout';
import { MoodSparkline, MoodSparklineCopy, type SparklineShape } from './_components/sparkline';

/**
 * The table features the roster uses; sorting and paging are done by the server (manual*). Filters and the name
 * search are not table features: they only ever change the URL (roster-table.tsx), and the filtering features
 * would bring their client-side filter functions into the roster's first load for nothing.
 */
export const rosterFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  rowPaginationFeature,
});
const helper = createColumnHelper<typeof rosterFeatures, DisplayRow>();

const hidden = (
  <span className="text-slate-400" title="Clinical details are visible to the client's care team only">
    —<span className="sr-only">hidden: not on your care team</span>
  </span>
);

function MeasureValue({ m }: { m: DisplayMeasure | null }) {
  if (!m) return <span className="text-slate-500">—</span>;
  const tone =
    m.change === 'reliable_deterioration' ? 'danger' : m.change === 'reliable_improvement' ? 'brand' : 'neutral';
  return (
    <div title={m.title} className="space-y-0.5">
      <div>
        <span className="font-semibold tabular-nums text-slate-900">{m.score}</span>{' '}
        <span className="text-xs text-slate-600">{m.band}</span>
      </div>
      <Badge tone={tone}>{m.changeLabel}</Badge>
    </div>
  );
}

function StatusBadge({ status }: { status: DisplayRow['status'] }) {
  return <Badge tone={status === 'active' ? 'brand' : 'neutral'}>{status}</Badge>;
}

function Alerts({ row }: { row: DisplayRow }) {
  const c = row.clinical;
  if (!c) return hidden;
  if (!c.alerts.urgent && !c.alerts.followUp) return <span className="text-slate-500">No open alerts</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {c.alerts.urgent ? <Badge tone="danger">{`${c.alerts.urgent} urgent`}</Badge> : null}
      {c.alerts.followUp ? <Badge tone="warn">{`${c.alerts.followUp} follow-up`}</Badge> : null}
    </div>
  );
}

// One string, not a number and a word: React would mark the join in the HTML of every row (`1<!-- --> overdue`).
const Overdue = ({ count }: { count: number }) => <Badge tone="warn">{`${count} overdue`}</Badge>;

function NextMeasure({ row }: { row: DisplayRow }) {
  if (!row.nextMeasure) return <span className="text-slate-500">None scheduled</span>;
  return (
    <time dateTime={row.nextMeasure.dateTime} title={row.nextMeasure.title}>
      {row.nextMeasure.label}
    </time>
  );
}

/** A row of the roster's table, with the selection state of its client. */
export type RosterTableRow = Row<typeof rosterFeatures, DisplayRow>;

/**
 * A body cell: what it shows depends on its row alone. The table draws it straight from its row
 * (`cells[column.id](row)`) rather than through `FlexRender`, which builds a memoised context for every cell
 * (`cell.getContext()`): for the 325 cells of a page that halved how fast the roster renders, on the server and
 * when the browser hydrates it, and no roster cell reads anything but its row.
 */
export type RosterCell = (row: RosterTableRow) => ReactNode;

/**
 * The roster's columns (header and sorting, for the table) and each column's body cell, by column id; each column
 * id is a sort key of lib/caseload/url.ts. Links to a client do not prefetch: the client page carries the chart
 * code, which a roster that draws no chart should not load.
 */
export function rosterColumns(isAdmin: boolean, sparklines: Record<string, SparklineShape | null>) {
  const cells: Record<string, RosterCell> = {};
  const column = <D extends { id?: string }>(def: D, cell: RosterCell): D => {
    if (!def.id) throw new Error('Every roster column has an id: its sort key.');
    cells[def.id] = cell;
    return def;
  };
  const columns = helper.columns([
    column(
      helper.display({
        id: 'select',
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select every client on this page"
            className="size-4 accent-brand-700 max-md:size-6"
            checked={table.getIsAllPageRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomePageRowsSelected();
            }}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
      }),
      (row) =>
        row.getCanSelect() ? (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.name}`}
            className="size-4 accent-brand-700 max-md:size-6"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ) : null,
    ),
    column(
      helper.accessor((r) => r.name, { id: 'name', sortDescFirst: false, header: L.name }),
      (row) => (
        <div>
          <Link
            href={`/clients/${row.original.id}`}
            prefetch={false}
            className="font-medium text-brand-800 [overflow-wrap:anywhere] hover:underline"
          >
            {row.original.name}
          </Link>
          {row.original.pronouns ? <div className="text-xs text-slate-600">{row.original.pronouns}</div> : null}
          <div className={`${FOLDED_IN_TABLE} space-y-0.5 text-xs text-slate-600`}>
            <StatusBadge status={row.original.status} />
            {isAdmin ? <div>{row.original.therapists}</div> : null}
            {isAdmin ? <div>Intake {row.original.intake}</div> : null}
          </div>
        </div>
      ),
    ),
    column(
      helper.accessor((r) => r.attention.rank, { id: 'attention', sortDescFirst: false, header: L.attention }),
      (row) => {
        const { rank, label } = row.original.attention;
        return (
          <div className="space-y-1">
            {label ? (
              <Badge tone={rank === 0 ? 'danger' : rank <= 2 ? 'warn' : 'neutral'}>{label}</Badge>
            ) : (
              <span className="text-xs text-slate-500">—</span>
            )}
            <div className={FOLDED_AT_TABLET}>
              <Alerts row={row.original} />
            </div>
          </div>
        );
      },
    ),
    column(
      helper.accessor((r) => (r.clinical ? r.clinical.alerts.urgent * 1000 + r.clinical.alerts.followUp : -1), {
        id: 'alerts',
        header: L.alerts,
        sortDescFirst: true,
      }),
      (row) => <Alerts row={row.original} />,
    ),
    column(
      helper.accessor((r) => r.status, { id: 'status', sortDescFirst: false, header: L.status }),
      (row) => <StatusBadge status={row.original.status} />,
    ),
    ...(isAdmin
      ? [
          column(
            helper.accessor((r) => r.therapists, { id: 'therapist', header: L.therapist, sortDescFirst: false }),
            (row) => row.original.therapists,
          ),
        ]
      : []),
    column(
      helper.accessor((r) => r.lastCheckin?.dateTime ?? '', {
        id: 'lastCheckin',
        header: L.lastCheckin,
        sortDescFirst: true,
      }),
      (row) => (
        <div>
          {row.original.lastCheckin ? (
            <time dateTime={row.original.lastCheckin.dateTime} title={row.original.lastCheckin.title}>
              {row.original.lastCheckin.label}
            </time>
          ) : (
            <span className="text-slate-500">Never</span>
          )}
          <div className={FOLDED_AT_TABLET}>
            {row.original.onTeam && row.original.id in sparklines ? (
              <MoodSparklineCopy row={row.index} shape={sparklines[row.original.id] ?? null} />
            ) : null}
          </div>
        </div>
      ),
    ),
    column(
      helper.accessor((r) => r.id, { id: 'mood', sortDescFirst: false, header: L.mood }),
      (row) =>
        !row.original.onTeam ? (
          hidden
        ) : row.original.id in sparklines ? (
          <MoodSparkline row={row.index} shape={sparklines[row.original.id] ?? null} />
        ) : null,
    ),
    column(
      helper.accessor((r) => r.clinical?.phq9?.score ?? -1, { id: 'phq9', header: L.phq9, sortDescFirst: true }),
      (row) => (row.original.clinical ? <MeasureValue m={row.original.clinical.phq9} /> : hidden),
    ),
    column(
      helper.accessor((r) => r.clinical?.gad7?.score ?? -1, { id: 'gad7', header: L.gad7, sortDescFirst: true }),
      (row) => (row.original.clinical ? <MeasureValue m={row.original.clinical.gad7} /> : hidden),
    ),
    column(
      helper.accessor((r) => r.homework.adherence, { id: 'adherence', sortDescFirst: false, header: L.adherence }),
      (row) => (
        <div>
          <span className="font-medium tabular-nums">{row.original.homework.adherence}</span>
          <div className="text-xs text-slate-600">{row.original.homework.detail}</div>
          <div className={`${FOLDED_IN_TABLE} space-y-0.5 text-xs text-slate-600`}>
            {row.original.homework.overdue > 0 ? (
              <Overdue count={row.original.homework.overdue} />
            ) : (
              <div>None overdue</div>
            )}
            <div>
              Next measure: <NextMeasure row={row.original} />
            </div>
          </div>
        </div>
      ),
    ),
    column(
      helper.accessor((r) => r.homework.overdue, { id: 'overdue', header: L.overdue, sortDescFirst: true }),
      (row) =>
        row.original.homework.overdue > 0 ? (
          <Overdue count={row.original.homework.overdue} />
        ) : (
          <span className="text-slate-500">0</span>
        ),
    ),
    column(
      helper.accessor((r) => r.nextMeasure?.dateTime ?? '', {
        id: 'nextMeasure',
        sortDescFirst: false,
        header: L.nextMeasure,
      }),
      (row) => <NextMeasure row={row.original} />,
    ),
    ...(isAdmin
      ? [
          column(
            helper.accessor((r) => r.intake, { id: 'intake', header: L.intake, sortDescFirst: true }),
            (row) => row.original.intake,
          ),
        ]
      : []),
  ]);
  return { columns, cells };
}
