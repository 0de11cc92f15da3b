import type { ComponentChildren } from 'preact';
import { errorMessage } from '../api/api-error';

/** A polite "loading" line that screen readers announce. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** An error with an optional retry. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <span>{errorMessage(error)}</span>
      {onRetry && (
        <button type="button" class="button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Nothing to show, and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <p class="state-title">{title}</p>
      {children && <p>{children}</p>}
    </div>
  );
}
