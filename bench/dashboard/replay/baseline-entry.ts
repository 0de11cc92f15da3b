import rrwebPlayer from 'rrweb-player';
import 'rrweb-player/dist/style.css';

/**
 * The baseline: plain rrweb-player given the whole event array up front (fetched as one gzip JSON document),
 * with the same player options as the Hindsight viewer. Exposes the same debug surface as the viewer harness.
 */
const sessionId = new URLSearchParams(location.search).get('session') ?? '';
const debug = ((window as any).__replay = {
  firstFrameAt: null as number | null,
  status: 'loading',
  controller: null as unknown,
});

async function main() {
  const events = await (await fetch(`/events/${encodeURIComponent(sessionId)}.json`)).json();
  const player = new rrwebPlayer({
    target: document.getElementById('app')!,
    props: {
      events,
      width: 1024,
      height: 576,
      autoPlay: false,
      showController: false,
      speedOption: [0.5, 1, 2, 4, 8],
      skipInactive: true,
      mouseTail: false,
      showWarning: false,
    },
  });
  const replayer = player.getReplayer();
  const check = () => {
    if ((replayer.iframe.contentDocument?.body?.childNodes.length ?? 0) > 0) debug.firstFrameAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  debug.status = 'complete';
  debug.controller = {
    seek: (ms: number) => player.goto(ms, false),
    state: () => ({ totalMs: replayer.getMetaData().totalTime, currentMs: replayer.getCurrentTime() }),
    replayer,
  };
}
void main();
