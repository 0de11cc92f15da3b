import type { SessionDetail } from './recording-source';
import { SessionFacts } from './SessionFacts';

/** A session with nothing to draw (no full snapshot was recorded): say so, and show what is known. */
export function NoReplay({ session, reason }: { session: SessionDetail; reason?: string }) {
  return (
    <div class="hs-replay hs-replay--empty" data-testid="no-replay">
      <div class="hs-empty">
        <h2>No replay available</h2>
        <p class="hs-muted">
          {reason ?? 'This session has no full page snapshot, so there is nothing to replay. Its details are below.'}
        </p>
        <SessionFacts session={session} />
      </div>
    </div>
  );
}
