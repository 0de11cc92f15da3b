import type { Db } from '../db/database';
import type { ResponderSettingsRow } from '../db/schema';
import { listKnowledge } from '../repos/knowledge-repo';
import { createKnowledgeResponder } from './knowledge-responder';
import { createOpenAiResponder } from './openai-responder';
import type { Responder } from './responder';
import type { SecretBox } from './secret-box';
import { createWebhookResponder } from './webhook-responder';

/** The responder an application's settings name (the knowledge base when it has none). */
export function chooseResponder(
  settings: ResponderSettingsRow | undefined,
  deps: { db: Db; secrets: SecretBox; clock: () => Date },
): Responder {
  const loadEntries = (applicationId: string) => listKnowledge(deps.db, applicationId);
  switch (settings?.kind) {
    case 'openai':
      return createOpenAiResponder(
        {
          baseUrl: settings.openai_base_url,
          model: settings.openai_model,
          apiKey: settings.openai_api_key_sealed ? deps.secrets.open(settings.openai_api_key_sealed) : null,
          systemPrompt: settings.openai_system_prompt,
          temperature: settings.openai_temperature,
          maxTokens: settings.openai_max_tokens,
        },
        loadEntries,
      );
    case 'webhook':
      return createWebhookResponder(
        {
          url: settings.webhook_url,
          secret: settings.webhook_secret_sealed ? deps.secrets.open(settings.webhook_secret_sealed) : '',
        },
        deps.clock,
      );
    default:
      return createKnowledgeResponder(loadEntries);
  }
}
