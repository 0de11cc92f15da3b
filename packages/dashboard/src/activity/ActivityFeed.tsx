import type { ActivityItem } from '@hindsight/shared';
import { formatCount, formatDuration } from '../format/format-duration';
import { Link } from '../router/Link';
import { appPath, replayPath } from '../router/match-route';
import { TimeAgo } from '../ui/TimeAgo';
import { UrlText } from '../ui/UrlText';

/** A knowledge entry's question is at most this long (the server's limit); longer prompts are cut to prefill it. */
const MAX_QUESTION_LENGTH = 1_000;

interface ActivityFeedProps {
  items: ActivityItem[];
  appId: string;
  /** The user may edit the knowledge base (apps.manage): unanswered prompts offer "Add a knowledge entry". */
  canAddKnowledge: boolean;
}

/** The feed: a visitor's prompt (their words, as text) or a session start; each opens the replay at that moment. */
export function ActivityFeed({ items, appId, canAddKnowledge }: ActivityFeedProps) {
  return (
    <ol class="feed">
      {items.map((item, index) => (
        <li
          key={`${item.type}:${item.sessionId}:${item.at}:${index}`}
          class={`feed-item feed-${item.type}${item.type === 'prompt' && item.unanswered ? ' feed-unanswered' : ''}`}
        >
          {item.type === 'prompt' ? (
            <PromptItem item={item} appId={appId} canAddKnowledge={canAddKnowledge} />
          ) : (
            <SessionItem item={item} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** Settings' knowledge form with this question prefilled. */
export function addKnowledgePath(appId: string, question: string): string {
  const params = new URLSearchParams({ question: question.trim().slice(0, MAX_QUESTION_LENGTH) });
  return `${appPath(appId, 'settings')}?${params}#knowledge`;
}

function PromptItem(props: {
  item: Extract<ActivityItem, { type: 'prompt' }>;
  appId: string;
  canAddKnowledge: boolean;
}) {
  const { item } = props;
  const seconds = item.offsetMs / 1_000;
  return (
    <>
      <p class="feed-meta">
        <span class="badge badge-prompt">Prompt</span> <TimeAgo iso={item.at} />
        {item.unanswered && (
          <span class="badge badge-unanswered" title="The responder had no good answer, or failed.">
            Unanswered
          </span>
        )}
      </p>
      <blockquote class="feed-text">{item.text}</blockquote>
      <p class="feed-actions">
        <Link href={replayPath(item.sessionId, seconds)} class="feed-link">
          Watch from {formatDuration(item.offsetMs)}
        </Link>
        {item.unanswered && props.canAddKnowledge && (
          <Link href={addKnowledgePath(props.appId, item.text)} class="button button-small">
            Add a knowledge entry
          </Link>
        )}
      </p>
    </>
  );
}

function SessionItem({ item }: { item: Extract<ActivityItem, { type: 'session' }> }) {
  return (
    <>
      <p class="feed-meta">
        <span class="badge badge-session">Session</span> <TimeAgo iso={item.at} />
        <span class={`badge badge-${item.status}`}>{item.status === 'active' ? 'Active' : 'Completed'}</span>
        <span class="muted">{formatCount(item.eventCount)} events</span>
      </p>
      <Link href={replayPath(item.sessionId, 0)} class="feed-link">
        <UrlText url={item.landingUrl} empty="Unknown page" />
      </Link>
    </>
  );
}
