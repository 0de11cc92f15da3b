import { EVENT_TYPE, type RRwebEvent } from './rrweb-events';

/** A page of the session as the viewer lists it. `url` and `title` are recorded (untrusted) text. */
export interface ViewerPage {
  url: string;
  title: string | null;
  timestamp: number;
}

interface SerializedNode {
  type?: number;
  tagName?: string;
  textContent?: string;
  childNodes?: SerializedNode[];
}

/** The text of the first `<title>` in a serialized full snapshot (depth-first, bounded). */
export function snapshotTitle(root: SerializedNode | undefined): string | null {
  const stack: SerializedNode[] = root ? [root] : [];
  let visited = 0;
  while (stack.length > 0 && visited++ < 5_000) {
    const node = stack.pop()!;
    if (node.type === 2 && node.tagName === 'title') {
      return (
        (node.childNodes ?? [])
          .map((child) => child.textContent ?? '')
          .join('')
          .trim() || null
      );
    }
    if (node.type === 2 && node.tagName === 'body') continue;
    for (let i = (node.childNodes?.length ?? 0) - 1; i >= 0; i--) stack.push(node.childNodes![i]!);
  }
  return null;
}

/** Pages found in a run of events: each Meta event with an href, titled by the full snapshot that follows it. */
export function pagesFromEvents(events: readonly RRwebEvent[]): ViewerPage[] {
  const pages: ViewerPage[] = [];
  for (const event of events) {
    const data = event.data as { href?: unknown; node?: SerializedNode } | undefined;
    if (event.type === EVENT_TYPE.Meta && typeof data?.href === 'string') {
      pages.push({ url: data.href, title: null, timestamp: event.timestamp });
    } else if (event.type === EVENT_TYPE.FullSnapshot && pages.length > 0 && pages.at(-1)!.title === null) {
      pages.at(-1)!.title = snapshotTitle(data?.node);
    }
  }
  return pages;
}
