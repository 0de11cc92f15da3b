import type { LoadStats } from '../load/load-plan';
import { busyShare, readMachineCpu } from './machine-cpu';
import { listBackendPids } from './postgres-backends';
import { cpuUsedMs, readProcessCpuMs, readProcessesCpuMs } from './process-cpu';

/** A process under test and the database its pool is connected to. */
export interface MeasuredProcess {
  pid: number;
  databaseUrl: string;
  /** The load generator's process, measured too: it shares the machine with the server. */
  loadGeneratorPid: number;
}

/** One run's figures: the load generator's view plus the CPU the server and its database used. */
export interface RunMeasurement {
  load: LoadStats;
  sessions: number;
  batchesPerSecond: number;
  eventsPerSecond: number;
  compressedMBPerSecond: number;
  rawMBPerSecond: number;
  serverCpuMsPerBatch: number;
  /** CPU of the PostgreSQL backends serving the process's pool (not WAL writer, checkpointer, ...). */
  postgresCpuMsPerBatch: number;
  /** Cores the server process kept busy on average. */
  serverCores: number;
  /** Cores the load generator kept busy on average. */
  loadGeneratorCores: number;
  /** Share of the whole machine that was busy (server + PostgreSQL + load generator + rest). */
  machineBusy: number;
}

const MB = 1_000_000;

/** Runs `run` and measures the server process's and its database backends' CPU time around it. */
export async function measureRun(
  target: MeasuredProcess,
  run: () => Promise<{ stats: LoadStats; sessions: number }>,
): Promise<RunMeasurement> {
  const machineBefore = readMachineCpu();
  const serverBefore = readProcessCpuMs(target.pid);
  const postgresBefore = readProcessesCpuMs(await listBackendPids(target.databaseUrl));
  const loadBefore = readProcessCpuMs(target.loadGeneratorPid);

  const { stats, sessions } = await run();

  const serverMs = readProcessCpuMs(target.pid) - serverBefore;
  // Listed again: a pool opens connections when busy and closes idle ones.
  const postgresMs = cpuUsedMs(postgresBefore, readProcessesCpuMs(await listBackendPids(target.databaseUrl)));
  const loadMs = readProcessCpuMs(target.loadGeneratorPid) - loadBefore;
  const machineBusy = busyShare(machineBefore, readMachineCpu());
  const seconds = stats.durationSeconds;
  const batches = Math.max(1, stats.ok);
  return {
    load: stats,
    sessions,
    batchesPerSecond: stats.ok / seconds,
    eventsPerSecond: stats.events / seconds,
    compressedMBPerSecond: stats.compressedBytes / MB / seconds,
    rawMBPerSecond: stats.rawBytes / MB / seconds,
    serverCpuMsPerBatch: serverMs / batches,
    postgresCpuMsPerBatch: postgresMs / batches,
    serverCores: serverMs / 1_000 / seconds,
    loadGeneratorCores: loadMs / 1_000 / seconds,
    machineBusy,
  };
}
