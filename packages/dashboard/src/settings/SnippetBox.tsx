import type { AppSummary } from '@hindsight/shared';
import { CopyButton } from '../ui/CopyButton';

/** The public key and the exact script tag to paste into the site, each with a Copy button. */
export function SnippetBox({ app }: { app: AppSummary }) {
  return (
    <div class="snippet">
      <h3>Install</h3>
      <p>
        Public key: <code class="public-key">{app.publicKey}</code> <CopyButton text={app.publicKey} label="Copy key" />
      </p>
      <p>Paste this tag into every page of the site, before &lt;/body&gt;:</p>
      <pre class="code">
        <code class="snippet-code">{app.snippet}</code>
      </pre>
      <CopyButton text={app.snippet} label="Copy snippet" />
    </div>
  );
}
