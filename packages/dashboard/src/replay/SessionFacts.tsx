import { formatBytes, formatClock, formatDateTime } from './format';
import type { SessionDetail } from './recording-source';

const END_REASON_TEXT: Record<string, string> = {
  chat_ended: 'Chat ended',
  left: 'Visitor left',
  idle: 'Idle',
  max_duration: 'Maximum duration',
};

/** The session's metadata. Every value is rendered as text: the landing URL is recorded, untrusted input. */
export function SessionFacts({ session }: { session: SessionDetail }) {
  const viewport =
    session.viewportWidth && session.viewportHeight ? `${session.viewportWidth} × ${session.viewportHeight}` : '—';
  const browser = [session.browser, session.os, session.device].filter(Boolean).join(', ') || '—';
  const rows: [string, string][] = [
    ['Start', formatDateTime(session.startedAt)],
    ['End', session.status === 'active' ? 'Still active' : formatDateTime(session.endedAt)],
    ['Duration', formatClock(session.durationMs)],
    ['Size', `${formatBytes(session.compressedBytes)} (${formatBytes(session.rawBytes)} raw)`],
    ['Events', session.eventCount.toLocaleString()],
    ['Viewport', viewport],
    ['Browser', browser],
    ['Landing URL', session.landingUrl ?? '—'],
    ['End reason', session.endReason ? (END_REASON_TEXT[session.endReason] ?? session.endReason) : '—'],
  ];
  return (
    <dl class="hs-facts">
      {rows.map(([term, value]) => (
        <div key={term} class="hs-facts__row">
          <dt>{term}</dt>
          <dd class={term === 'Landing URL' ? 'hs-url' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
