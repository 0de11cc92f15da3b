import { errorMessage } from '../api/api-error';

/** The keyset pagination button: shown while the server has a next cursor. */
export function LoadMore({ busy, error, onClick }: { busy: boolean; error: unknown; onClick(): void }) {
  return (
    <div class="load-more">
      <button type="button" onClick={onClick} disabled={busy} aria-busy={busy}>
        {busy ? 'Loading…' : 'Load more'}
      </button>
      {error != null && (
        <span class="form-error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </div>
  );
}
