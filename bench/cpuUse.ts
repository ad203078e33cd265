// The CPU a measured run costs: the server process's own (utime + stime of
// /proc/<pid>/stat, all its threads) and PostgreSQL's for it, as the sum over the
// backends of the server's connections (found in pg_stat_activity by the
// application_name the server connects with). pg_stat_statements would need
// shared_preload_libraries, which a shared server may not have. Needs PostgreSQL on
// this machine; elsewhere the PostgreSQL share is unknown (null).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU milliseconds the process has used so far; null once it is gone (or not on this machine). */
export function processCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // After "pid (name) ", the fields start at the third: utime is the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

interface Snapshot {
  server: number;
  backends: Map<number, number | null>;
}

async function snapshot(admin: pg.Client, serverPid: number, applicationName: string): Promise<Snapshot> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  return { server: processCpuMs(serverPid) ?? 0, backends: new Map(rows.map(({ pid }) => [pid, processCpuMs(pid)])) };
}

export interface CpuUse {
  serverMs: number;
  /** Null when the backends' CPU cannot be read here (PostgreSQL on another machine). */
  postgresMs: number | null;
}

/**
 * Runs `work` and answers the CPU it cost the server and PostgreSQL. A backend that
 * appears during the run counts whole; one that ends during it is not counted (pools
 * keep their connections through a run, so neither happens after a warm-up).
 */
export async function cpuDuring<T>(admin: pg.Client, server: { pid: number; applicationName: string }, work: () => Promise<T>): Promise<{ result: T; cpu: CpuUse }> {
  const start = await snapshot(admin, server.pid, server.applicationName);
  const result = await work();
  const end = await snapshot(admin, server.pid, server.applicationName);
  const readable = [...end.backends].filter((backend): backend is [number, number] => backend[1] !== null);
  const postgresMs = end.backends.size > 0 && readable.length === 0 ? null : readable.reduce((sum, [pid, ms]) => sum + ms - (start.backends.get(pid) ?? 0), 0);
  return { result, cpu: { serverMs: end.server - start.server, postgresMs } };
}

/** CPU milliseconds the whole machine has been busy (all cores, from /proc/stat): with the gateway's own taken away, what PostgreSQL and the rest cost during a run on an otherwise idle machine. */
export function machineCpuMs(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}
