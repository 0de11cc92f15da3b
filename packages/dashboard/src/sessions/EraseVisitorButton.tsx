import { useState } from 'preact/hooks';
import { useSignedIn } from '../session-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Visitor ids are 1-64 URL-safe characters (VISITOR_ID_PATTERN in @hindsight/shared). */
const VISITOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Erases every session of one visitor (a privacy request): asks for the id and a confirmation first. The id
 * starts as the current search when that looks like a visitor id (the list is showing that visitor).
 */
export function EraseVisitorButton(props: { appId: string; search: string; onErased(): void }) {
  const { appId, onErased } = props;
  const { api } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [visitorId, setVisitorId] = useState('');
  const [result, setResult] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="button-small"
        onClick={() => {
          setVisitorId(VISITOR_ID.test(props.search) ? props.search : '');
          setOpen(true);
        }}
      >
        Erase a visitor…
      </button>
      <span class="visually-hidden" aria-live="polite">
        {result}
      </span>
      {result && (
        <span class="notice-inline" aria-hidden="true">
          {result}
        </span>
      )}
      {open && (
        <ConfirmDialog
          title="Erase a visitor’s sessions"
          confirmLabel="Erase for good"
          danger
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            const id = visitorId.trim();
            if (!id) throw new Error('Enter the visitor id.');
            const { erased } = await api.send<{ erased: number }>(
              'POST',
              `/apps/${encodeURIComponent(appId)}/erase-visitor`,
              { visitorId: id },
            );
            setResult(`Erased ${erased} session${erased === 1 ? '' : 's'} of visitor ${id}.`);
            setVisitorId('');
            onErased();
          }}
        >
          <p>Every recording of this visitor in this application is deleted. This cannot be undone.</p>
          <div class="field">
            <label for="erase-visitor-id">Visitor id</label>
            <input
              id="erase-visitor-id"
              value={visitorId}
              onInput={(event) => setVisitorId(event.currentTarget.value)}
              autoComplete="off"
              required
            />
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
