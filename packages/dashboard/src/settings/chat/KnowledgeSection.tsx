import type { KnowledgeEntry } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useLocation } from '../../router/use-location';
import { useSignedIn } from '../../session-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Empty, ErrorBanner, Loading } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { KnowledgeEntryForm, type KnowledgeInput } from './KnowledgeEntryForm';
import { KnowledgeEntryRow } from './KnowledgeEntryRow';

/** The query parameter Activity's "Add a knowledge entry" uses to prefill the question. */
export const PREFILL_QUESTION_PARAM = 'question';

/**
 * The knowledge base the default responder answers from (and the model gets as context): add, edit, delete.
 * Opened from Activity with `?question=`, the add form starts with that question and the cursor in the answer.
 */
export function KnowledgeSection({ appId }: { appId: string }) {
  const { api } = useSignedIn();
  const { query } = useLocation();
  const prefill = query.get(PREFILL_QUESTION_PARAM) ?? '';
  const base = `/apps/${encodeURIComponent(appId)}/knowledge`;
  const list = useAsync(`knowledge|${appId}`, (signal) => api.get<{ entries: KnowledgeEntry[] }>(base, { signal }));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<KnowledgeEntry | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const replace = (entry: KnowledgeEntry) =>
    list.setData(
      (current) => current && { entries: current.entries.map((known) => (known.id === entry.id ? entry : known)) },
    );

  return (
    <div class="knowledge" id="knowledge">
      <h3>Knowledge base</h3>
      <p class="muted">
        Questions and answers the knowledge responder picks from (the best match, or an honest “I don’t know that yet”,
        which flags the prompt as unanswered in Activity).
      </p>
      <KnowledgeEntryForm
        key={prefill}
        idPrefix="new"
        label="New knowledge entry"
        entry={{ question: prefill, answer: '', link: null }}
        submitLabel="Add entry"
        focusAnswer={prefill !== ''}
        resetAfter
        onSubmit={async (input: KnowledgeInput) => {
          const entry = await api.send<KnowledgeEntry>('POST', base, input);
          list.setData((current) => current && { entries: [entry, ...current.entries] });
          setAdded(entry.question);
        }}
      />
      <p role="status" class="notice-inline">
        {added ? `Added “${added}”.` : ''}
      </p>
      {list.error != null && <ErrorBanner error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        list.error == null && <Loading label="Loading the knowledge base…" />
      ) : list.data.entries.length === 0 ? (
        <Empty title="No entries yet.">
          Until you add some, every visitor gets the fallback answer and their question shows as unanswered.
        </Empty>
      ) : (
        <ul class="list" aria-label="Knowledge entries">
          {list.data.entries.map((entry) => (
            <KnowledgeEntryRow
              key={entry.id}
              entry={entry}
              editing={editing === entry.id}
              onEdit={() => setEditing(entry.id)}
              onCancel={() => setEditing(null)}
              onSave={async (input) => {
                replace(await api.send<KnowledgeEntry>('PATCH', `${base}/${encodeURIComponent(entry.id)}`, input));
                setEditing(null);
              }}
              onDelete={() => setDeleting(entry)}
            />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.question}”?`}
          confirmLabel="Delete"
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.send('DELETE', `${base}/${encodeURIComponent(deleting.id)}`);
            list.setData((current) => current && { entries: current.entries.filter((e) => e.id !== deleting.id) });
          }}
        >
          <p>Visitors asking this get another entry’s answer, or the fallback.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
