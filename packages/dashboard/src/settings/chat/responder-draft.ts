import type { ResponderKind, ResponderSettings, ResponderSettingsUpdate } from '@hindsight/shared';

/** A write-only secret in the form: keep what is stored, replace it with `text`, or clear it. */
export interface SecretDraft {
  mode: 'keep' | 'replace' | 'clear';
  text: string;
}

/** The responder form's state: the settings as the inputs hold them (numbers as typed). */
export interface ResponderDraft {
  kind: ResponderKind;
  baseUrl: string;
  model: string;
  systemPrompt: string;
  temperature: string;
  maxTokens: string;
  apiKey: SecretDraft;
  webhookUrl: string;
  webhookSecret: SecretDraft;
  operatorQuietMinutes: string;
  timeoutSeconds: string;
}

const KEEP: SecretDraft = { mode: 'keep', text: '' };

/** The form's state for settings as the server answered them; secrets start as "keep". */
export function draftFromSettings(settings: ResponderSettings): ResponderDraft {
  return {
    kind: settings.kind,
    baseUrl: settings.openai.baseUrl,
    model: settings.openai.model,
    systemPrompt: settings.openai.systemPrompt,
    temperature: String(settings.openai.temperature),
    maxTokens: String(settings.openai.maxTokens),
    apiKey: KEEP,
    webhookUrl: settings.webhook.url,
    webhookSecret: KEEP,
    operatorQuietMinutes: String(settings.operatorQuietMinutes),
    timeoutSeconds: String(settings.timeoutSeconds),
  };
}

/**
 * The PUT body for a draft. Secrets: omitted to keep the stored one, `''` to clear it, the typed text to set it
 * (an empty "replace" keeps). Numbers go as typed: a value the server cannot take comes back as its 400 message.
 */
export function updateFromDraft(draft: ResponderDraft): ResponderSettingsUpdate {
  const apiKey = secretValue(draft.apiKey);
  const secret = secretValue(draft.webhookSecret);
  return {
    kind: draft.kind,
    openai: {
      baseUrl: draft.baseUrl.trim(),
      model: draft.model.trim(),
      systemPrompt: draft.systemPrompt,
      temperature: toNumber(draft.temperature),
      maxTokens: toNumber(draft.maxTokens),
      ...(apiKey === undefined ? {} : { apiKey }),
    },
    webhook: { url: draft.webhookUrl.trim(), ...(secret === undefined ? {} : { secret }) },
    operatorQuietMinutes: toNumber(draft.operatorQuietMinutes),
    timeoutSeconds: toNumber(draft.timeoutSeconds),
  };
}

function secretValue(secret: SecretDraft): string | undefined {
  if (secret.mode === 'clear') return '';
  const text = secret.text.trim();
  return secret.mode === 'replace' && text !== '' ? text : undefined;
}

/** A number as typed; text that is not one is sent as NaN (JSON null) for the server to name in its message. */
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}
