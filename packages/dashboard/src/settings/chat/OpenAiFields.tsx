import { Field } from '../../ui/Field';
import type { ResponderDraft } from './responder-draft';
import { SecretField } from './SecretField';

interface FieldsProps {
  draft: ResponderDraft;
  apiKeySet: boolean;
  change(patch: Partial<ResponderDraft>): void;
}

/** The OpenAI-compatible endpoint: any server speaking `POST <base URL>/chat/completions` with streaming. */
export function OpenAiFields({ draft, apiKeySet, change }: FieldsProps) {
  return (
    <fieldset class="subform">
      <legend>OpenAI-compatible endpoint</legend>
      <Field
        id="openai-base-url"
        label="Base URL"
        type="url"
        value={draft.baseUrl}
        placeholder="https://api.openai.com/v1"
        hint="Up to and including /v1; works with hosted APIs and local servers (Ollama, vLLM)."
        onInput={(event) => change({ baseUrl: event.currentTarget.value })}
      />
      <Field
        id="openai-model"
        label="Model"
        value={draft.model}
        placeholder="gpt-4o-mini"
        onInput={(event) => change({ model: event.currentTarget.value })}
      />
      <div class="field">
        <label for="openai-system-prompt">System prompt</label>
        <textarea
          id="openai-system-prompt"
          rows={4}
          value={draft.systemPrompt}
          aria-describedby="openai-system-prompt-hint"
          onInput={(event) => change({ systemPrompt: event.currentTarget.value })}
        />
        <p class="field-hint" id="openai-system-prompt-hint">
          Optional. The knowledge entries below are given to the model as context as well.
        </p>
      </div>
      <div class="field-row">
        <Field
          id="openai-temperature"
          label="Temperature"
          type="number"
          min={0}
          max={2}
          step={0.1}
          value={draft.temperature}
          onInput={(event) => change({ temperature: event.currentTarget.value })}
        />
        <Field
          id="openai-max-tokens"
          label="Max tokens"
          type="number"
          min={1}
          max={32_000}
          step={1}
          value={draft.maxTokens}
          onInput={(event) => change({ maxTokens: event.currentTarget.value })}
        />
      </div>
      <SecretField
        id="openai-api-key"
        label="API key"
        isSet={apiKeySet}
        value={draft.apiKey}
        onChange={(apiKey) => change({ apiKey })}
        hint="Sent as Authorization: Bearer. Stored encrypted; never shown again after saving. Local servers may need none."
      />
    </fieldset>
  );
}
