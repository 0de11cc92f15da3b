import { Field } from '../../ui/Field';
import type { ResponderDraft } from './responder-draft';
import { SecretField } from './SecretField';
import { WebhookRecipe } from './WebhookRecipe';

interface FieldsProps {
  draft: ResponderDraft;
  secretSet: boolean;
  change(patch: Partial<ResponderDraft>): void;
}

/** Your own bot: its URL, the signing secret, and how it verifies and answers. */
export function WebhookFields({ draft, secretSet, change }: FieldsProps) {
  return (
    <fieldset class="subform">
      <legend>Webhook</legend>
      <Field
        id="webhook-url"
        label="Webhook URL"
        type="url"
        value={draft.webhookUrl}
        placeholder="https://bot.example/hindsight"
        onInput={(event) => change({ webhookUrl: event.currentTarget.value })}
      />
      <SecretField
        id="webhook-secret"
        label="Signing secret"
        isSet={secretSet}
        value={draft.webhookSecret}
        onChange={(webhookSecret) => change({ webhookSecret })}
        hint="Any long random string your receiver also knows. Stored encrypted; never shown again after saving."
      />
      <WebhookRecipe />
    </fieldset>
  );
}
