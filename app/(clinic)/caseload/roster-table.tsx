'use client';

import {
  type ColumnFiltersState,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
  columnFilteringFeature,
  createColumnHelper,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useMemo, useState, useTransition } from 'react';
import { Badge } from '@/app/_components/ui';
import type { DisplayMeasure, DisplayRow } from '@/lib/caseload/display';
import {
  ALERT_FILTERS,
  CHANGE_FILTERS,
  DEFAULT_VIEW,
  PAGE_SIZES,
  type RosterView,
  SORT_KEYS,
  STATUS_FILTERS,
  type SortKey,
  rosterHref,
  rosterViewToSearchParams,
} from '@/lib/caseload/url';
import { BulkAssignPanel, type AssignOptions } from './bulk-assign';

const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  rowSortingFeature,
  rowSelectionFeature,
  rowPaginationFeature,
});
const helper = createColumnHelper<typeof features, DisplayRow>();

const ALERT_LABELS: Record<(typeof ALERT_FILTERS)[number], string> = {
  urgent: 'Urgent alerts',
  follow_up: 'Follow-up alerts',
  any: 'Any open alert',
  none: 'No open alerts',
};
const CHANGE_LABELS: Record<(typeof CHANGE_FILTERS)[number], string> = {
  reliable_deterioration: 'Reliable deterioration',
  no_reliable_change: 'No reliable change',
  reliable_improvement: 'Reliable improvement',
};
/** The URL filters, as the table's column-filter state (the server applies them: manualFiltering). */
const FILTER_KEYS = ['status', 'alert', 'band', 'change', 'overdue', 'disengaged', 'therapist'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

function filtersOf(view: RosterView): ColumnFiltersState {
  return FILTER_KEYS.filter((k) => view[k] !== null && view[k] !== false).map((k) => ({ id: k, value: view[k] }));
}

function withFilters(view: RosterView, filters: ColumnFiltersState): RosterView {
  const next: RosterView = { ...view, status: null, alert: null, band: null, change: null, overdue: false, disengaged: false, therapist: null, page: 1 };
  for (const f of filters) {
    if (!(FILTER_KEYS as readonly string[]).includes(f.id)) continue;
    (next as Record<FilterKey, unknown>)[f.id as FilterKey] = f.value;
  }
  return next;
}

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

const hidden = (
  <span className="text-slate-400" title="Clinical details are visible to the client's care team only">
    —<span className="sr-only">hidden: not on your care team</span>
  </span>
);

function MeasureValue({ m }: { m: DisplayMeasure | null }) {
  if (!m) return <span className="text-slate-500">—</span>;
  const tone = m.change === 'reliable_deterioration' ? 'danger' : m.change === 'reliable_improvement' ? 'brand' : 'neutral';
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

export type RosterTableProps = {
  rows: DisplayRow[];
  sparklines: Record<string, ReactNode>;
  view: RosterView;
  total: number;
  pageCount: number;
  isAdmin: boolean;
  therapists: { membershipId: string; name: string }[];
  bandOptions: { value: string; label: string }[];
  assignOptions: AssignOptions | null;
  attentionHelp: string;
};

export function RosterTable({ rows, sparklines, view, total, pageCount, isAdmin, therapists, bandOptions, assignOptions, attentionHelp }: RosterTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [query, setQuery] = useState(view.q);
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const navigate = (next: RosterView) => startTransition(() => router.push(rosterHref(pathname, next), { scroll: false }));

  const sorting: SortingState = [{ id: view.sort, desc: view.dir === 'desc' }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.size };
  const columnFilters = filtersOf(view);

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: 'select',
          header: ({ table }) => (
            <input
              type="checkbox"
              aria-label="Select every client on this page"
              className="size-4 accent-brand-700"
              checked={table.getIsAllPageRowsSelected()}
              ref={(el) => {
                if (el) el.indeterminate = table.getIsSomePageRowsSelected();
              }}
              onChange={table.getToggleAllPageRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) =>
            row.getCanSelect() ? (
              <input
                type="checkbox"
                aria-label={`Select ${row.original.name}`}
                className="size-4 accent-brand-700"
                checked={row.getIsSelected()}
                onChange={row.getToggleSelectedHandler()}
              />
            ) : null,
        }),
        helper.accessor((r) => r.name, {
          id: 'name',
          sortDescFirst: false,
          header: 'Client',
          cell: ({ row }) => (
            <div>
              <Link href={`/clients/${row.original.id}`} className="whitespace-nowrap font-medium text-brand-800 hover:underline">
                {row.original.name}
              </Link>
              {row.original.pronouns ? <div className="text-xs text-slate-600">{row.original.pronouns}</div> : null}
            </div>
          ),
        }),
        helper.accessor((r) => r.attention.rank, {
          id: 'attention',
          sortDescFirst: false,
          header: 'Needs attention',
          cell: ({ row }) => {
            const { rank, label } = row.original.attention;
            if (!label) return <span className="text-xs text-slate-500">—</span>;
            return <Badge tone={rank === 0 ? 'danger' : rank <= 2 ? 'warn' : 'neutral'}>{label}</Badge>;
          },
        }),
        helper.accessor((r) => (r.clinical ? r.clinical.alerts.urgent * 1000 + r.clinical.alerts.followUp : -1), {
          id: 'alerts',
          header: 'Open alerts',
          sortDescFirst: true,
          cell: ({ row }) => {
            const c = row.original.clinical;
            if (!c) return hidden;
            if (!c.alerts.urgent && !c.alerts.followUp) return <span className="text-slate-500">None</span>;
            return (
              <div className="flex flex-wrap gap-1">
                {c.alerts.urgent ? <Badge tone="danger">{c.alerts.urgent} urgent</Badge> : null}
                {c.alerts.followUp ? <Badge tone="warn">{c.alerts.followUp} follow-up</Badge> : null}
              </div>
            );
          },
        }),
        helper.accessor((r) => r.status, {
          id: 'status',
          sortDescFirst: false,
          header: 'Status',
          cell: ({ row }) => <Badge tone={row.original.status === 'active' ? 'brand' : 'neutral'}>{row.original.status}</Badge>,
        }),
        ...(isAdmin
          ? [
              helper.accessor((r) => r.therapists, { id: 'therapist', header: 'Therapist', sortDescFirst: false, cell: ({ row }) => row.original.therapists }),
            ]
          : []),
        helper.accessor((r) => r.lastCheckin?.dateTime ?? '', {
          id: 'lastCheckin',
          header: 'Last check-in',
          sortDescFirst: true,
          cell: ({ row }) =>
            row.original.lastCheckin ? (
              <time dateTime={row.original.lastCheckin.dateTime} title={row.original.lastCheckin.title}>
                {row.original.lastCheckin.label}
              </time>
            ) : (
              <span className="text-slate-500">Never</span>
            ),
        }),
        helper.accessor((r) => r.id, {
          id: 'mood',
          sortDescFirst: false,
          header: 'Mood, 14 days',
          cell: ({ row }) => (row.original.onTeam ? (sparklines[row.original.id] ?? null) : hidden),
        }),
        helper.accessor((r) => r.clinical?.phq9?.score ?? -1, {
          id: 'phq9',
          header: 'PHQ-9',
          sortDescFirst: true,
          cell: ({ row }) => (row.original.clinical ? <MeasureValue m={row.original.clinical.phq9} /> : hidden),
        }),
        helper.accessor((r) => r.clinical?.gad7?.score ?? -1, {
          id: 'gad7',
          header: 'GAD-7',
          sortDescFirst: true,
          cell: ({ row }) => (row.original.clinical ? <MeasureValue m={row.original.clinical.gad7} /> : hidden),
        }),
        helper.accessor((r) => r.homework.adherence, {
          id: 'adherence',
          sortDescFirst: false,
          header: 'Homework, 28 days',
          cell: ({ row }) => (
            <div>
              <span className="font-medium tabular-nums">{row.original.homework.adherence}</span>
              <div className="text-xs text-slate-600">{row.original.homework.detail}</div>
            </div>
          ),
        }),
        helper.accessor((r) => r.homework.overdue, {
          id: 'overdue',
          header: 'Overdue',
          sortDescFirst: true,
          cell: ({ row }) =>
            row.original.homework.overdue > 0 ? (
              <Badge tone="warn">{row.original.homework.overdue} overdue</Badge>
            ) : (
              <span className="text-slate-500">0</span>
            ),
        }),
        helper.accessor((r) => r.nextMeasure?.dateTime ?? '', {
          id: 'nextMeasure',
          sortDescFirst: false,
          header: 'Next measure',
          cell: ({ row }) =>
            row.original.nextMeasure ? (
              <time dateTime={row.original.nextMeasure.dateTime} title={row.original.nextMeasure.title}>
                {row.original.nextMeasure.label}
              </time>
            ) : (
              <span className="text-slate-500">None scheduled</span>
            ),
        }),
        ...(isAdmin ? [helper.accessor((r) => r.intake, { id: 'intake', header: 'Intake', sortDescFirst: true, cell: ({ row }) => row.original.intake })] : []),
      ]),
    [isAdmin, sparklines],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: total,
    pageCount,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableMultiSort: false,
    // The server always sorts by something: a second click reverses, it never "unsorts".
    enableSortingRemoval: false,
    enableRowSelection: (row) => row.original.selectable,
    state: { sorting, pagination, columnFilters, globalFilter: view.q, rowSelection },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting);
      const sort = first && (SORT_KEYS as readonly string[]).includes(first.id) ? (first.id as SortKey) : DEFAULT_VIEW.sort;
      navigate({ ...view, sort, dir: first?.desc ? 'desc' : 'asc', page: 1 });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      navigate({ ...view, page: next.pageSize !== view.size ? 1 : next.pageIndex + 1, size: next.pageSize });
    },
    onColumnFiltersChange: (updater) => navigate(withFilters(view, resolve(updater, columnFilters))),
    onGlobalFilterChange: (updater) => navigate({ ...view, q: String(resolve(updater, view.q) ?? '').trim(), page: 1 }),
    onRowSelectionChange: setRowSelection,
  });

  const setFilter = (id: FilterKey, value: unknown) =>
    table.setColumnFilters((old) => [...old.filter((f) => f.id !== id), ...(value === null || value === false || value === '' ? [] : [{ id, value }])]);

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const selectedNames = rows.filter((r) => rowSelection[r.id]).map((r) => r.name);
  const exportQuery = rosterViewToSearchParams({ ...view, page: 1 });
  exportQuery.delete('page');
  exportQuery.delete('size');
  const exportHref = `/caseload/export${exportQuery.size ? `?${exportQuery}` : ''}`;
  const selectedExport = new URLSearchParams(exportQuery);
  for (const id of selectedIds) selectedExport.append('id', id);
  const filtered = columnFilters.length > 0 || view.q !== '';
  const selectClass = 'min-h-10 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';

  return (
    <div className="space-y-4" aria-busy={pending}>
      <div className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
        <form
          role="search"
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            table.setGlobalFilter(query);
          }}
        >
          <label className="text-sm">
            <span className="block font-medium text-slate-800">Search by name</span>
            <input
              type="search"
              name="q"
              value={query}
              maxLength={100}
              onChange={(e) => setQuery(e.target.value)}
              className="mt-1 min-h-10 w-52 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
            />
          </label>
          <button type="submit" className="min-h-10 rounded-lg border border-brand-700 px-3 text-sm font-medium text-brand-800 hover:bg-brand-50">
            Search
          </button>
        </form>
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Status</span>
          <select className={`mt-1 ${selectClass}`} value={view.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Alerts</span>
          <select className={`mt-1 ${selectClass}`} value={view.alert ?? ''} onChange={(e) => setFilter('alert', e.target.value)}>
            <option value="">Any</option>
            {ALERT_FILTERS.map((a) => (
              <option key={a} value={a}>
                {ALERT_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Band</span>
          <select className={`mt-1 ${selectClass}`} value={view.band ?? ''} onChange={(e) => setFilter('band', e.target.value)}>
            <option value="">Any band</option>
            {bandOptions.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Change since baseline</span>
          <select className={`mt-1 ${selectClass}`} value={view.change ?? ''} onChange={(e) => setFilter('change', e.target.value)}>
            <option value="">Any</option>
            {CHANGE_FILTERS.map((c) => (
              <option key={c} value={c}>
                {CHANGE_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        {isAdmin ? (
          <label className="text-sm">
            <span className="block font-medium text-slate-800">Therapist</span>
            <select className={`mt-1 ${selectClass}`} value={view.therapist ?? ''} onChange={(e) => setFilter('therapist', e.target.value)}>
              <option value="">All therapists</option>
              {therapists.map((t) => (
                <option key={t.membershipId} value={t.membershipId}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <fieldset className="flex min-h-10 items-center gap-4 text-sm">
          <legend className="sr-only">More filters</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4 accent-brand-700" checked={view.overdue} onChange={(e) => setFilter('overdue', e.target.checked)} />
            Overdue homework
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={view.disengaged}
              onChange={(e) => setFilter('disengaged', e.target.checked)}
            />
            No check-in for 7 days
          </label>
        </fieldset>
        {filtered ? (
          <Link href={rosterHref(pathname, { ...DEFAULT_VIEW, sort: view.sort, dir: view.dir, size: view.size })} className="min-h-10 py-2 text-sm text-brand-800 underline">
            Clear filters
          </Link>
        ) : null}
        <a href={exportHref} className="ml-auto min-h-10 rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Export view (CSV)
        </a>
      </div>

      <div role="status" aria-live="polite">
        {notice ? (
          <p className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">{notice}</p>
        ) : null}
      </div>
      {selectedIds.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-xl border border-brand-200 bg-brand-50 px-4 py-3 text-sm" role="region" aria-label="Selected clients">
          <span className="font-medium text-brand-900">
            {selectedIds.length} selected: {selectedNames.join(', ')}
          </span>
          {assignOptions ? (
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                setAssigning((v) => !v);
              }}
              aria-expanded={assigning}
              className="min-h-10 rounded-lg bg-brand-700 px-3 font-semibold text-white hover:bg-brand-800"
            >
              Assign homework…
            </button>
          ) : null}
          <a href={`/caseload/export?${selectedExport}`} className="min-h-10 rounded-lg border border-brand-700 px-3 py-2 font-medium text-brand-800">
            Export selected (CSV)
          </a>
          <button type="button" onClick={() => table.resetRowSelection()} className="min-h-10 px-2 text-brand-800 underline">
            Clear selection
          </button>
        </div>
      ) : null}
      {assigning && assignOptions && selectedIds.length > 0 ? (
        <BulkAssignPanel
          clientIds={selectedIds}
          clientNames={selectedNames}
          options={assignOptions}
          onDone={(message) => {
            setNotice(message);
            setAssigning(false);
            table.resetRowSelection();
            router.refresh();
          }}
          onClose={() => setAssigning(false)}
        />
      ) : null}

      {rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium text-slate-900">No client matches this view</p>
          <p className="mt-1 text-sm text-slate-600">Loosen a filter or clear the search to see more of your caseload.</p>
          <Link
            href={rosterHref(pathname, { ...DEFAULT_VIEW, sort: view.sort, dir: view.dir, size: view.size })}
            className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Clear filters
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="roster">
            <caption className="sr-only">
              Clients, sorted by {view.sort === 'attention' ? 'who needs attention first' : view.sort} ({view.dir === 'asc' ? 'ascending' : 'descending'}). {attentionHelp}
            </caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const canSort = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                        className="whitespace-nowrap px-2.5 py-3 font-medium"
                      >
                        {canSort ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className="inline-flex items-center gap-1 rounded hover:text-brand-800"
                            title={header.column.id === 'attention' ? attentionHelp : undefined}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true" className="text-xs">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} data-client-id={row.id} className={row.getIsSelected() ? 'bg-brand-50' : undefined}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-2.5 py-2.5 align-middle">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
        <p>
          {total === 0
            ? 'No clients'
            : `Showing ${(view.page - 1) * view.size + 1}–${Math.min(view.page * view.size, total)} of ${total} client${total === 1 ? '' : 's'}`}
        </p>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-2">
            Rows per page
            <select className={selectClass} value={view.size} onChange={(e) => table.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => table.previousPage()}
            disabled={!table.getCanPreviousPage()}
            className="min-h-10 rounded-lg border border-slate-300 px-3 disabled:opacity-50"
          >
            Previous
          </button>
          <span aria-current="page">
            Page {view.page} of {pageCount}
          </span>
          <button
            type="button"
            onClick={() => table.nextPage()}
            disabled={!table.getCanNextPage()}
            className="min-h-10 rounded-lg border border-slate-300 px-3 disabled:opacity-50"
          >
            Next
          </button>
        </div>
      </nav>
    </div>
  );
}
