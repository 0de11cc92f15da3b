import type { SecretDraft } from './responder-draft';

interface SecretFieldProps {
  id: string;
  label: string;
  /** The server says one is stored (it never says which). */
  isSet: boolean;
  value: SecretDraft;
  onChange(value: SecretDraft): void;
  hint?: string;
}

/**
 * A write-only secret: the dashboard never sees a stored one, only that it is set. It can be replaced or cleared;
 * what is typed is sent once with Save and the input is emptied after.
 */
export function SecretField({ id, label, isSet, value, onChange, hint }: SecretFieldProps) {
  const editing = !isSet || value.mode === 'replace';
  return (
    <div class="field secret-field">
      <label for={id}>{label}</label>
      {isSet && (
        <p class="secret-state" id={`${id}-state`}>
          {value.mode === 'clear' ? (
            <span class="badge badge-muted">Cleared when you save</span>
          ) : (
            <span class="badge badge-active">Set</span>
          )}
          {value.mode === 'keep' ? (
            <>
              <button type="button" class="button-small" onClick={() => onChange({ mode: 'replace', text: '' })}>
                Replace
              </button>
              <button type="button" class="button-small" onClick={() => onChange({ mode: 'clear', text: '' })}>
                Clear
              </button>
            </>
          ) : (
            <button type="button" class="button-small" onClick={() => onChange({ mode: 'keep', text: '' })}>
              Keep the stored one
            </button>
          )}
        </p>
      )}
      {editing && (
        <input
          id={id}
          type="password"
          autocomplete="new-password"
          spellcheck={false}
          value={value.text}
          placeholder={isSet ? 'The new value' : 'Not set'}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(event) => onChange({ mode: 'replace', text: event.currentTarget.value })}
        />
      )}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
