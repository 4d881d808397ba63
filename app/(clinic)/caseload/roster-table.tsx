'use client';

import {
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { usePathname, useRouter } from 'next/navigation';
import { Suspense, lazy, useMemo, useState, useTransition } from 'react';
import type { DisplayRow } from '@/lib/caseload/display';
import {
  DEFAULT_VIEW,
  type RosterView,
  SORT_KEYS,
  type SortKey,
  rosterHref,
  rosterViewToSearchParams,
} from '@/lib/caseload/url';
import type { SparklineShape } from './_components/sparkline';
import type { AssignOptions } from './bulk-assign';
import { rosterColumns, rosterFeatures } from './roster-columns';
import { type FilterKey, RosterFilters, SEARCH_FORM_ID, filtersOf, withFilters } from './roster-filters';
import { RosterPager } from './roster-pager';
import { COLUMN_LABELS, cellData } from './roster-layout';
import { RosterSort } from './roster-sort';
import { buttonClass } from '@/app/_components/design/button';

// The assignment form loads when first opened: most views of the roster assign nothing. React.lazy rather than
// next/dynamic, whose loader adds some 2 kB to the roster's first load; the form is never rendered on the server
// (it opens on a click), which is all next/dynamic would add here.
const BulkAssignPanel = lazy(() => import('./bulk-assign').then((m) => ({ default: m.BulkAssignPanel })));

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

export type RosterTableProps = {
  rows: DisplayRow[];
  /** Each shown sparkline's marks by client id; null when the client has no check-in in its days. */
  sparklines: Record<string, SparklineShape | null>;
  view: RosterView;
  total: number;
  pageCount: number;
  isAdmin: boolean;
  therapists: { membershipId: string; name: string }[];
  bandOptions: { value: string; label: string }[];
  assignOptions: AssignOptions | null;
  attentionHelp: string;
  /** The search form's server action: the term is posted and kept for the session, never put in a URL. */
  searchAction: (form: FormData) => Promise<void>;
};

export function RosterTable({
  rows,
  sparklines,
  view,
  total,
  pageCount,
  isAdmin,
  therapists,
  bandOptions,
  assignOptions,
  attentionHelp,
  searchAction,
}: RosterTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const navigate = (next: RosterView) =>
    startTransition(() => router.push(rosterHref(pathname, next), { scroll: false }));

  const sorting: SortingState = [{ id: view.sort, desc: view.dir === 'desc' }];
  const pagination: PaginationState = { pageIndex: view.page - 1, pageSize: view.size };
  const columnFilters = filtersOf(view);

  const { columns, cells } = useMemo(() => rosterColumns(isAdmin, sparklines), [isAdmin, sparklines]);

  const table = useTable({
    features: rosterFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: total,
    pageCount,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    // The server always sorts by something: a second click reverses, it never "unsorts".
    enableSortingRemoval: false,
    enableRowSelection: (row) => row.original.selectable,
    state: { sorting, pagination, rowSelection },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting);
      const sort =
        first && (SORT_KEYS as readonly string[]).includes(first.id) ? (first.id as SortKey) : DEFAULT_VIEW.sort;
      navigate({ ...view, sort, dir: first?.desc ? 'desc' : 'asc', page: 1 });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      navigate({ ...view, page: next.pageSize !== view.size ? 1 : next.pageIndex + 1, size: next.pageSize });
    },
    onRowSelectionChange: setRowSelection,
  });

  const leafColumns = table.getAllLeafColumns();

  const setFilter = (id: FilterKey, value: unknown) =>
    navigate(
      withFilters(view, [
        ...columnFilters.filter((f) => f.id !== id),
        ...(value === null || value === false || value === '' ? [] : [{ id, value }]),
      ]),
    );

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const selectedNames = rows.filter((r) => rowSelection[r.id]).map((r) => r.name);
  const exportQuery = rosterViewToSearchParams({ ...view, page: 1 });
  exportQuery.delete('page');
  exportQuery.delete('size');
  const exportHref = `/caseload/export${exportQuery.size ? `?${exportQuery}` : ''}`;
  const selectedExport = new URLSearchParams(exportQuery);
  for (const id of selectedIds) selectedExport.append('id', id);
  const filtered = columnFilters.length > 0 || view.q !== '';

  return (
    <div className="space-y-4" aria-busy={pending}>
      <RosterFilters
        view={view}
        isAdmin={isAdmin}
        therapists={therapists}
        bandOptions={bandOptions}
        filtered={filtered}
        exportHref={exportHref}
        setFilter={setFilter}
        searchAction={searchAction}
      />

      <RosterSort view={view} isAdmin={isAdmin} onSort={(sort, dir) => navigate({ ...view, sort, dir, page: 1 })} />

      <div role="status" aria-live="polite">
        {notice ? (
          <p className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">{notice}</p>
        ) : null}
      </div>
      {selectedIds.length > 0 ? (
        <div
          className="flex flex-wrap items-center gap-3 rounded-xl border border-brand-200 bg-brand-50 px-4 py-3 text-sm"
          role="region"
          aria-label="Selected clients"
        >
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
              className={buttonClass('primary')}
            >
              Assign homework…
            </button>
          ) : null}
          <a href={`/caseload/export?${selectedExport}`} className={buttonClass('secondary')}>
            Export selected (CSV)
          </a>
          <button type="button" onClick={() => table.resetRowSelection()} className={buttonClass('quiet')}>
            Clear selection
          </button>
        </div>
      ) : null}
      {assigning && assignOptions && selectedIds.length > 0 ? (
        <Suspense fallback={<p className="text-sm text-slate-600">Opening the assignment form…</p>}>
          <BulkAssignPanel
            clientIds={selectedIds}
            clientNames={selectedNames}
            options={assignOptions}
            onDone={(message) => {
              setNotice(message);
              setAssigning(false);
              table.resetRowSelection();
              // assignHomework refreshes the roster in its own response (defineAction's refresh).
            }}
            onClose={() => setAssigning(false)}
          />
        </Suspense>
      ) : null}

      {rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium text-slate-900">No client matches this view</p>
          <p className="mt-1 text-sm text-slate-600">
            Loosen a filter or clear the search to see more of your caseload.
          </p>
          <button type="submit" form={SEARCH_FORM_ID} name="clear" value="1" className={`${buttonClass('primary')} mt-4`}>
            Clear filters
          </button>
        </div>
      ) : (
        // From tablet width a table; on a phone each row is a card of labelled facts (roster-layout.ts). The
        // explicit roles keep the table's meaning for assistive technology when the cards change its display.
        <div
          className="relative rounded-xl md:overflow-x-auto md:border md:border-slate-200 md:bg-white"
          data-testid="roster-frame"
        >
          <table
            role="table"
            className="roster-grid w-full text-sm max-md:block md:divide-y md:divide-slate-200"
            data-testid="roster"
          >
            <caption className="sr-only">
              Clients, sorted by {view.sort === 'attention' ? 'who needs attention first' : view.sort} (
              {view.dir === 'asc' ? 'ascending' : 'descending'}). {attentionHelp}
            </caption>
            <thead role="rowgroup" className="bg-slate-50 text-left text-slate-700 max-md:sr-only">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} role="row">
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const canSort = header.column.getCanSort();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        role="columnheader"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                        {...cellData(header.column.id)}
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
            <tbody role="rowgroup" className="max-md:block max-md:space-y-3 md:divide-y md:divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  role="row"
                  data-client-id={row.id}
                  data-selected={row.getIsSelected() || undefined}
                >
                  {leafColumns.map((column) => (
                    <td
                      key={column.id}
                      role="cell"
                      data-label={COLUMN_LABELS[column.id as keyof typeof COLUMN_LABELS] ?? ''}
                      {...cellData(column.id)}
                    >
                      {cells[column.id]?.(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <RosterPager
        view={view}
        total={total}
        pageCount={pageCount}
        onPageSize={(size) => table.setPageSize(size)}
        onPrevious={() => table.previousPage()}
        onNext={() => table.nextPage()}
      />
    </div>
  );
}
