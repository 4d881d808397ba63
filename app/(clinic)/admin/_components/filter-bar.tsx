import { Button, buttonClass, compactInputClass } from '@/app/_components/design';

/** A GET form: filters live in the URL so a view can be bookmarked and shared. */
export function FilterBar({ children, resetHref }: { children: React.ReactNode; resetHref: string }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-card border border-slate-200 bg-white p-4">
      {children}
      <Button type="submit">Apply</Button>
      <a href={resetHref} className={buttonClass('quiet')}>
        Clear
      </a>
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
