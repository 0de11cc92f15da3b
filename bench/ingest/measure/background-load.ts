import { setTimeout as sleep } from 'node:timers/promises';
import { busyShare, readMachineCpu } from './machine-cpu';

/** Share of all cores busy over `ms` while the benchmark itself does nothing: other jobs on the machine. */
export async function measureBackgroundLoad(ms = 2_000): Promise<number> {
  const before = readMachineCpu();
  await sleep(ms);
  return busyShare(before, readMachineCpu());
}
