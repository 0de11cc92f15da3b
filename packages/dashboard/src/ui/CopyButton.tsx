import { useEffect, useState } from 'preact/hooks';

const COPIED_NOTICE_MS = 2_000;

/** Copies `text` to the clipboard and says so (aria-live), or says how to copy by hand when the browser refuses. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <span class="copy">
      <button
        type="button"
        class="button-small"
        onClick={async () => {
          try {
            // Only on secure origins (https, localhost); plain-http self-hosting falls back to selecting by hand.
            await navigator.clipboard.writeText(text);
            setResult('copied');
          } catch {
            setResult('failed');
          }
        }}
      >
        {label}
      </button>
      <span class="copy-status" aria-live="polite">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Select the text and copy it' : ''}
      </span>
    </span>
  );
}
