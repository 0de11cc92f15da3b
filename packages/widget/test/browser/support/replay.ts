import type { Page } from 'playwright-core';
import type { StoredEvent } from './stored-data';

/** What a replay rebuilt, read from inside rrweb's replay iframe. */
export interface ReplayedPage {
  title: string | null;
  heading: string | null;
  /** The widget's host element, and what its (replayed) shadow root holds. */
  widgetHost: boolean;
  launcher: boolean;
  panel: boolean;
  messages: string[];
  fieldValues: Record<string, string>;
  /** The text of the first iframe's (replayed) document. */
  iframeText: string | null;
}

/**
 * Replays events with rrweb's Replayer on the fixture replay page (window.rrweb, the UMD build) and jumps to the
 * end of the recording: the DOM the visitor last saw, rebuilt inside the replayer's sandboxed iframe.
 */
export async function replayToEnd(page: Page, events: StoredEvent[]): Promise<ReplayedPage> {
  return page.evaluate(async (recorded) => {
    const { Replayer } = (window as unknown as { rrweb: { Replayer: new (...args: unknown[]) => any } }).rrweb;
    const replayer = new Replayer(recorded, {
      root: document.getElementById('replay'),
      mouseTail: false,
      showWarning: false,
      triggerFocus: false,
    });
    replayer.pause(replayer.getMetaData().totalTime);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const doc: Document = replayer.iframe.contentDocument;
    const host = doc.querySelector('hindsight-widget');
    const shadow = host?.shadowRoot;
    const fieldValues: Record<string, string> = {};
    for (const field of Array.from(doc.querySelectorAll<HTMLInputElement>('input[id],textarea[id]'))) {
      fieldValues[field.id] = field.value;
    }
    return {
      title: doc.title || null,
      heading: doc.querySelector('h1')?.textContent ?? null,
      widgetHost: host !== null,
      launcher: shadow?.querySelector('[data-hs=launcher]') != null,
      panel: shadow?.querySelector('[data-hs=panel]') != null,
      messages: Array.from(shadow?.querySelectorAll('[data-hs=message]') ?? []).map((m) => m.textContent ?? ''),
      fieldValues,
      iframeText: doc.querySelector('iframe')?.contentDocument?.body?.textContent?.trim() ?? null,
    };
  }, events);
}
