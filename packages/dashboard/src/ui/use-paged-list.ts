import { useState } from 'preact/hooks';

/** "Load more" for a keyset-paginated list: the pages after the first, appended in order. */
export function usePagedList<Item>(load: (cursor: string) => Promise<{ items: Item[]; nextCursor: string | null }>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    busy,
    error,
    /** Loads the page after `cursor` and hands it to `append`. */
    async more(cursor: string, append: (items: Item[], nextCursor: string | null) => void) {
      setBusy(true);
      setError(null);
      try {
        const page = await load(cursor);
        append(page.items, page.nextCursor);
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
  };
}
