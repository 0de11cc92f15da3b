import { useEffect } from 'preact/hooks';

/**
 * The viewer's styles. Adopted as a constructed stylesheet rather than a `<style>` element: CSP `style-src`
 * does not apply to CSSOM, so this works under the dashboard's strict policy and in the offline file alike.
 */
export const REPLAY_CSS = `
.hs-replay { --hs-border: #d9dce1; --hs-muted: #5f6673; --hs-accent: #3157d5; box-sizing: border-box;
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(260px, 340px); gap: 12px;
  height: calc(100vh - var(--hs-replay-top, 96px)); min-height: 460px; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; }
.hs-replay *, .hs-replay *::before, .hs-replay *::after { box-sizing: border-box; }
.hs-replay--expanded, .hs-replay:fullscreen { position: fixed; inset: 0; z-index: 1000; height: 100vh; width: 100vw;
  background: #fff; padding: 8px; }
.hs-replay--empty { display: block; height: auto; min-height: 0; padding: 16px; }
.hs-replay__main { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
.hs-replay__stage { position: relative; flex: 1 1 auto; min-height: 200px; background: #20232a; overflow: hidden;
  border-radius: 6px; }
.hs-replay__stage .rr-player { float: none; margin: 0 auto; border-radius: 0; box-shadow: none; background: transparent; }
.hs-replay__stage .rr-player__frame { overflow: hidden; }
.hs-replay__overlay { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #e8eaf0; }
.hs-timeline { position: relative; padding: 10px 0 14px; }
.hs-timeline__bar { position: relative; height: 8px; background: #e6e8ec; border-radius: 4px; cursor: pointer; overflow: hidden; }
.hs-timeline__loaded { position: absolute; inset: 0 auto 0 0; background: #c9cfda; }
.hs-timeline__played { position: absolute; inset: 0 auto 0 0; background: var(--hs-accent); }
.hs-timeline__markers { position: absolute; left: 0; right: 0; top: 2px; height: 20px; pointer-events: none; }
.hs-marker { position: absolute; top: 0; width: 10px; height: 20px; margin-left: -5px; padding: 0; border: 0;
  border-radius: 3px; cursor: pointer; pointer-events: auto; opacity: .85; }
.hs-marker::after { content: ''; position: absolute; left: 4px; top: 2px; width: 2px; height: 16px; border-radius: 1px; }
.hs-marker { background: transparent; }
.hs-marker--message::after { background: #d9480f; width: 4px; left: 3px; }
.hs-marker--navigation::after { background: #2b8a3e; width: 4px; left: 3px; }
.hs-marker--click::after { background: #7048e8; }
.hs-marker:hover, .hs-marker:focus-visible { opacity: 1; outline: 2px solid var(--hs-accent); }
.hs-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.hs-controls__end { margin-left: auto; display: flex; gap: 6px; }
.hs-btn { font: inherit; padding: 4px 10px; border: 1px solid var(--hs-border); border-radius: 4px; background: #fff;
  color: inherit; cursor: pointer; min-height: 30px; }
.hs-btn:disabled { opacity: .5; cursor: default; }
.hs-btn--primary { background: var(--hs-accent); color: #fff; border-color: var(--hs-accent); min-width: 64px; }
.hs-btn--small { padding: 2px 6px; }
.hs-btn[aria-pressed='true'] { background: #e7ecfb; border-color: var(--hs-accent); }
.hs-clock { font-variant-numeric: tabular-nums; padding: 0 6px; }
.hs-speeds { display: inline-flex; gap: 2px; border: 0; margin: 0; padding: 0; min-width: 0; }
.hs-check { display: inline-flex; align-items: center; gap: 4px; }
.hs-side { min-width: 0; overflow: auto; border-left: 1px solid var(--hs-border); padding-left: 12px; }
.hs-side h2, .hs-empty h2 { font-size: 15px; margin: 8px 0; }
.hs-list { list-style: none; margin: 0 0 12px; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.hs-item { display: flex; flex-direction: column; width: 100%; text-align: left; font: inherit; color: inherit;
  background: #f6f7f9; border: 1px solid transparent; border-radius: 6px; padding: 6px 8px; cursor: pointer; }
.hs-item:hover { border-color: var(--hs-border); }
.hs-item--visitor { background: #eef2ff; }
.hs-item[aria-current='true'] { border-color: #b6c3f2; }
.hs-item__meta { font-size: 12px; color: var(--hs-muted); }
.hs-item__text { white-space: pre-wrap; overflow-wrap: anywhere; }
.hs-url { overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 12px; }
.hs-muted { color: var(--hs-muted); }
.hs-facts { margin: 0; display: grid; gap: 4px; }
.hs-facts__row { display: grid; grid-template-columns: 96px minmax(0, 1fr); gap: 8px; }
.hs-facts dt { color: var(--hs-muted); }
.hs-facts dd { margin: 0; overflow-wrap: anywhere; }
.hs-help { position: absolute; inset: 0; background: rgba(20, 22, 28, .6); display: flex; align-items: center;
  justify-content: center; z-index: 5; }
.hs-help__box { background: #fff; border-radius: 8px; padding: 16px 20px; max-width: 90%; }
.hs-help th { text-align: left; padding: 2px 16px 2px 0; font-weight: normal; }
.hs-help kbd { font-family: ui-monospace, monospace; background: #f1f3f5; border-radius: 3px; padding: 1px 5px; }
@media (max-width: 760px) {
  .hs-replay { grid-template-columns: minmax(0, 1fr); height: auto; min-height: 0; }
  .hs-replay__stage { flex: none; height: 62vw; min-height: 200px; }
  .hs-side { border-left: 0; border-top: 1px solid var(--hs-border); padding: 8px 0 0; overflow: visible; }
  .hs-controls__end { margin-left: 0; }
  .hs-replay--expanded .hs-replay__stage, .hs-replay:fullscreen .hs-replay__stage { height: 70vh; }
  .hs-replay--expanded, .hs-replay:fullscreen { overflow: auto; }
}
`;

let sheet: CSSStyleSheet | null = null;

/** Adopts the viewer's stylesheet into the document (once). */
export function adoptReplayStyles(doc: Document = document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(REPLAY_CSS);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Hook form of adoptReplayStyles, for the components. */
export function useReplayStyles(): void {
  useEffect(() => adoptReplayStyles(), []);
}
