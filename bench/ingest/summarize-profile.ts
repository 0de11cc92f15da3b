/**
 * Prints where a V8 CPU profile spent its time: the functions with the most self time, and the same time
 * grouped by package (node_modules/<name>, node: internals, the server's own code, GC, idle).
 * Run: node --import tsx bench/ingest/summarize-profile.ts bench/results/profiles/<file>.cpuprofile [top]
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: summarize-profile.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfUs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let totalUs = 0;
let idleUs = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
  totalUs += us;
  if (functionName === '(idle)') idleUs += us;
  const where = packageOf(url, functionName);
  const name = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byPackage.set(where, (byPackage.get(where) ?? 0) + us);
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (module) return module[1] as string;
  if (url.startsWith('node:')) return url;
  return url.includes('/dist/') ? 'hindsight (dist)' : url.replace(/^.*\//, '');
}

const busyUs = totalUs - idleUs;
const print = (title: string, entries: Map<string, number>, count: number) => {
  process.stdout.write(`\n${title} (share of busy time, ${(busyUs / 1e6).toFixed(1)} s busy)\n`);
  for (const [name, us] of [...entries]
    .filter(([n]) => !n.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)) {
    process.stdout.write(`${((us / busyUs) * 100).toFixed(1).padStart(6)}%  ${name}\n`);
  }
};
print('Self time by package', byPackage, 25);
print('Self time by function', byFunction, Number(topArg ?? 30));
