import type { SessionCounts as Counts } from '@hindsight/shared';
import { formatCount } from '../format/format-duration';

const ITEMS: readonly { key: keyof Counts; label: string }[] = [
  { key: 'total', label: 'Total' },
  { key: 'active', label: 'Active' },
  { key: 'completed', label: 'Completed' },
  { key: 'events', label: 'Events' },
];

/** The four figures at a glance; placeholders until the first answer so the layout does not jump. */
export function SessionCounts({ counts }: { counts: Counts | undefined }) {
  return (
    <dl class="counts" aria-label="Session counts">
      {ITEMS.map((item) => (
        <div class="count" key={item.key} data-count={item.key}>
          <dt>{item.label}</dt>
          <dd>{counts ? formatCount(counts[item.key]) : '–'}</dd>
        </div>
      ))}
    </dl>
  );
}
