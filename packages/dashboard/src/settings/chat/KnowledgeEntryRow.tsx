import type { KnowledgeEntry } from '@hindsight/shared';
import { TimeAgo } from '../../ui/TimeAgo';
import { KnowledgeEntryForm, type KnowledgeInput } from './KnowledgeEntryForm';

interface KnowledgeEntryRowProps {
  entry: KnowledgeEntry;
  editing: boolean;
  onEdit(): void;
  onCancel(): void;
  onSave(input: KnowledgeInput): Promise<void>;
  onDelete(): void;
}

/** One entry as text (its link shown, never followed from here), or its edit form. */
export function KnowledgeEntryRow({ entry, editing, onEdit, onCancel, onSave, onDelete }: KnowledgeEntryRowProps) {
  return (
    <li class="list-row knowledge-entry">
      {editing ? (
        <KnowledgeEntryForm
          idPrefix={entry.id}
          label={`Edit “${entry.question}”`}
          entry={entry}
          submitLabel="Save entry"
          onSubmit={onSave}
          onCancel={onCancel}
        />
      ) : (
        <>
          <div class="list-main">
            <span class="knowledge-question">{entry.question}</span>
            <span class="knowledge-answer">{entry.answer}</span>
            <span class="muted">
              {entry.link && <span class="knowledge-link">{entry.link} · </span>}
              updated <TimeAgo iso={entry.updatedAt} />
            </span>
          </div>
          <div class="row-actions">
            <button type="button" class="button-small" onClick={onEdit} aria-label={`Edit “${entry.question}”`}>
              Edit
            </button>
            <button
              type="button"
              class="button-small button-danger"
              onClick={onDelete}
              aria-label={`Delete “${entry.question}”`}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
