/** Resolves after `ms`. Only for the waits the scenarios call for (an outage's length); never to "let things settle". */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How long a test waits for what the widget sends within one flush interval (5 s) to be stored: generous, so a
 * loaded machine (several browsers, servers and builds at once on 2 CPUs) does not fail a correct widget.
 */
export const STORED_WITHIN_MS = 30_000;
