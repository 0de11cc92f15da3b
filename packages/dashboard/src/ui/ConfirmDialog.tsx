import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormError } from './FormError';

interface ConfirmDialogProps {
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  /** Runs on confirm; the dialog stays open with the error if it throws. */
  onConfirm(): Promise<void>;
  onClose(): void;
  danger?: boolean;
}

/** A modal confirmation on the native <dialog> (focus trap, Escape to close and inert page come with it). */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, danger }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="confirm-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await onConfirm();
            ref.current?.close();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        {children}
        <FormError error={error} />
        <div class="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" class={danger ? 'button-danger' : 'button-primary'} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
