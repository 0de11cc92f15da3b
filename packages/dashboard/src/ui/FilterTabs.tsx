import { Link } from '../router/Link';

export interface FilterTab {
  value: string;
  label: string;
  href: string;
  /** A count shown beside the label, when known. */
  count?: string;
}

/** A row of links that filter the page (the filter lives in the URL); the current one is marked for screen readers. */
export function FilterTabs({ label, tabs, current }: { label: string; tabs: FilterTab[]; current: string }) {
  return (
    <nav class="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link
          key={tab.value}
          href={tab.href}
          replace
          class="tab"
          aria-current={tab.value === current ? 'page' : undefined}
        >
          {tab.label}
          {tab.count !== undefined && <span class="tab-count">{tab.count}</span>}
        </Link>
      ))}
    </nav>
  );
}
