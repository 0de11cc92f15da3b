import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `tick` every `intervalMs` while the tab is visible (and once when it becomes visible again), so a
 * background tab sends no requests. A tick that is still running is never started twice.
 */
export function useVisibleInterval(tick: () => Promise<unknown>, intervalMs: number, enabled = true): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let stopped = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === 'visible') timer = setTimeout(run, intervalMs);
    };
    const run = async () => {
      if (running || stopped) return;
      running = true;
      try {
        await tickRef.current();
      } catch {
        // A failed refresh keeps the rows on screen; the next tick tries again.
      } finally {
        running = false;
        schedule();
      }
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? void run() : clearTimeout(timer));
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled]);
}
