import { useState } from 'preact/hooks';

/** A form's submit state: busy while `action` runs, its error kept for display. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    busy,
    error,
    async run(action: () => Promise<void>) {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
  };
}
