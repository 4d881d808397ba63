import { Button, buttonClass, compactInputClass } from '@/app/_components/design';

const barClass = 'mb-4 flex flex-wrap items-end gap-3 rounded-card border border-slate-200 bg-white p-4';

/**
 * A GET form: filters live in the URL so a view can be bookmarked and shared. A bar that searches for a person
 * (`searchAction`) posts instead: the term names someone, so it is kept for the session (lib/ui/list-search.ts)
 * and the action redirects back with the other filters in the URL. Its Clear forgets the term as well.
 */
export function FilterBar({
  children,
  resetHref,
  searchAction,
}: {
  children: React.ReactNode;
  resetHref: string;
  searchAction?: (form: FormData) => Promise<void>;
}) {
  if (searchAction) {
    return (
      <form action={searchAction} role="search" className={barClass}>
        {children}
        <Button type="submit">Apply</Button>
        <button type="submit" name="clear" value="1" className={buttonClass('quiet')}>
          Clear
        </button>
      </form>
    );
  }
  return (
    <form method="get" role="search" className={barClass}>
      {children}
      <Button type="submit">Apply</Button>
      <a href={resetHref} className={buttonClass('quiet')}>
        Clear
      </a>
    </form>
  );
}

/** The empty state's "Clear filters" for a list searched through the session: a post, so the term is forgotten too. */
export function ClearSearchButton({ searchAction }: { searchAction: (form: FormData) => Promise<void> }) {
  return (
    <form action={searchAction} className="mt-4">
      <button type="submit" name="clear" value="1" className={buttonClass()}>
        Clear filters
      </button>
    </form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col text-sm font-medium text-slate-800">
      {label}
      <select name={name} defaultValue={value} className={`mt-1 ${compactInputClass}`}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterText({ name, label, value, type = 'search' }: { name: string; label: string; value: string; type?: string }) {
  return (
    <label className="flex flex-col text-sm font-medium text-slate-800">
      {label}
      <input name={name} type={type} defaultValue={value} className={`mt-1 ${compactInputClass}`} />
    </label>
  );
}
