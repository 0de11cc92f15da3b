import type { ResponderKind, ResponderSettings } from '@hindsight/shared';
import { useState } from 'preact/hooks';
import { useSubmit } from '../../auth/use-submit';
import { useSignedIn } from '../../session-context';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { OpenAiFields } from './OpenAiFields';
import { draftFromSettings, type ResponderDraft, updateFromDraft } from './responder-draft';
import { WebhookFields } from './WebhookFields';

const KINDS: readonly { value: ResponderKind; label: string; hint: string }[] = [
  {
    value: 'knowledge',
    label: 'Knowledge base',
    hint: 'The default: the best-matching entry below, no external service.',
  },
  { value: 'openai', label: 'OpenAI-compatible model', hint: 'Any chat-completions endpoint, streamed.' },
  { value: 'webhook', label: 'Webhook', hint: 'Your own bot: a signed POST, its reply relayed.' },
];

/** Who answers visitors, and how long the automatic responder waits for it and stays quiet after an operator. */
export function ResponderForm({ appId, settings: initial }: { appId: string; settings: ResponderSettings }) {
  const { api } = useSignedIn();
  const submit = useSubmit();
  const [settings, setSettings] = useState(initial);
  const [draft, setDraft] = useState<ResponderDraft>(() => draftFromSettings(initial));
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<ResponderDraft>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };

  return (
    <form
      class="form responder-form"
      aria-label="Responder"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void submit.run(async () => {
          const next = await api.send<ResponderSettings>(
            'PUT',
            `/apps/${encodeURIComponent(appId)}/responder`,
            updateFromDraft(draft),
          );
          // Typed secrets leave the page's state once sent: the inputs start empty again.
          setSettings(next);
          setDraft(draftFromSettings(next));
          setSaved(true);
        });
      }}
    >
      <fieldset class="choices">
        <legend>Who answers visitors</legend>
        {KINDS.map((kind) => (
          <div key={kind.value} class="choice">
            <input
              type="radio"
              id={`responder-kind-${kind.value}`}
              name="responder-kind"
              value={kind.value}
              checked={draft.kind === kind.value}
              aria-describedby={`responder-kind-${kind.value}-hint`}
              onChange={() => change({ kind: kind.value })}
            />
            <label for={`responder-kind-${kind.value}`}>{kind.label}</label>
            <span class="muted" id={`responder-kind-${kind.value}-hint`}>
              {kind.hint}
            </span>
          </div>
        ))}
      </fieldset>
      {draft.kind === 'openai' && <OpenAiFields draft={draft} apiKeySet={settings.openai.apiKeySet} change={change} />}
      {draft.kind === 'webhook' && (
        <WebhookFields draft={draft} secretSet={settings.webhook.secretSet} change={change} />
      )}
      <div class="field-row">
        <Field
          id="operator-quiet-minutes"
          label="Operator quiet time (minutes)"
          type="number"
          min={0}
          max={1_440}
          step={1}
          value={draft.operatorQuietMinutes}
          hint="After an operator replies, the automatic responder stays quiet this long."
          onInput={(event) => change({ operatorQuietMinutes: event.currentTarget.value })}
        />
        <Field
          id="responder-timeout-seconds"
          label="Timeout (seconds)"
          type="number"
          min={1}
          max={300}
          step={1}
          value={draft.timeoutSeconds}
          hint="A model or webhook slower than this gives the visitor a friendly error."
          onInput={(event) => change({ timeoutSeconds: event.currentTarget.value })}
        />
      </div>
      <FormError error={submit.error} />
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={submit.busy}>
          {submit.busy ? 'Saving…' : 'Save responder'}
        </button>
        <span role="status">{saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}
