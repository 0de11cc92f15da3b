/** What the owner's webhook receiver must do: verify the signature, refuse stale requests, answer `{ "reply" }`. */
export function WebhookRecipe() {
  return (
    <div class="notice webhook-recipe">
      <p>
        <strong>Your receiver.</strong> Each visitor message is POSTed to the URL as JSON (
        <code>{'{ type: "chat.message", applicationId, sessionId, messages: [{ role, text, createdAt }] }'}</code>) with
        the header:
      </p>
      <pre class="code">
        <code>{'X-Hindsight-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>'}</code>
      </pre>
      <ol>
        <li>
          Compute the HMAC-SHA256 of <code>{'<t>.<raw body>'}</code> (the exact bytes received, before parsing) with the
          secret, as hex, and compare it with <code>v1</code> in constant time.
        </li>
        <li>
          Refuse a <code>t</code> more than a few minutes from your clock, so a captured request cannot be replayed.
        </li>
        <li>
          Answer 200 with <code>{'{"reply": "text"}'}</code>. Any other answer, or none within the timeout, gives the
          visitor a friendly error and flags the prompt as unanswered.
        </li>
      </ol>
    </div>
  );
}
