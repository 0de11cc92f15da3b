/** Resolves after `ms`. Only for the waits the scenarios call for (an outage's length); never to "let things settle". */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
