// DOM churn every bench page carries, the same for every variant: a live status bar (a clock ticking every
// 250 ms, a class toggled every 2 s) and toasts coming and going every second, like a real app's
// notifications. Timers only: the amount of churn depends on time, not on how fast the page runs.
const CLOCK_INTERVAL_MS = 250;
const TOAST_INTERVAL_MS = 1_000;
const PULSE_INTERVAL_MS = 2_000;
const TOASTS_KEPT = 3;

const bar = document.createElement('div');
bar.id = 'bench-status';
bar.setAttribute('style', 'position:fixed;left:8px;bottom:8px;z-index:10;font:12px sans-serif;max-width:320px');
const clock = document.createElement('p');
const toasts = document.createElement('ul');
toasts.setAttribute('style', 'list-style:none;margin:0;padding:0');
bar.append(clock, toasts);
document.body.append(bar);

let ticks = 0;
setInterval(() => {
  ticks += 1;
  clock.textContent = `Live: ${new Date().toISOString().slice(11, 23)} · ${ticks} updates`;
}, CLOCK_INTERVAL_MS);

let toastCount = 0;
setInterval(() => {
  toastCount += 1;
  const toast = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = `Notice ${toastCount}`;
  const body = document.createElement('span');
  body.textContent = ` ${['Order shipped', 'Price dropped', 'New review', 'Back in stock'][toastCount % 4]}`;
  toast.append(title, body);
  toasts.prepend(toast);
  while (toasts.children.length > TOASTS_KEPT) toasts.lastElementChild?.remove();
}, TOAST_INTERVAL_MS);

setInterval(() => bar.classList.toggle('pulse'), PULSE_INTERVAL_MS);
