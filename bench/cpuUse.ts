// The CPU a measured run costs: the server process's own (utime + stime of
// /proc/<pid>/stat, all its threads) and PostgreSQL's for it, as the sum over the
// backends of the server's connections (found in pg_stat_activity by the
// application_name the server connects with). pg_stat_statements would need
// shared_preload_libraries, which a shared server may not have. Or the whole PostgreSQL
// server's, short-lived backends included (postgresServerCpuMs). Needs PostgreSQL on
// this machine; elsewhere the PostgreSQL share is unknown (null).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type pg from 'pg';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** /proc/<pid>/stat: the process's name, and its fields from the third (state) on; null once it is gone (or not on this machine). */
function procStat(pid: number): { name: string; fields: string[] } | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (name) state ...": the name may hold spaces and parentheses, so it ends at the last ")".
  const end = stat.lastIndexOf(')');
  return { name: stat.slice(stat.indexOf('(') + 1, end), fields: stat.slice(end + 2).split(' ') };
}

const ticksToMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** CPU milliseconds the process has used so far; null once it is gone (or not on this machine). */
export function processCpuMs(pid: number): number | null {
  const stat = procStat(pid);
  // utime is the 14th field, stime the 15th.
  return stat && ticksToMs(Number(stat.fields[11]) + Number(stat.fields[12]));
}

/**
 * The PostgreSQL server's main process (the postmaster), found as the parent of the
 * backend `admin` talks to; null when that backend is not a process of this machine.
 */
export async function postmasterPid(admin: pg.Client): Promise<number | null> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  // The pid of another machine's backend may be some process of this one: only a postgres process's parent is the postmaster.
  const backend = procStat(rows[0].pid);
  return backend?.name === 'postgres' ? Number(backend.fields[1]) : null;
}

/**
 * CPU milliseconds the whole PostgreSQL server has used so far: the postmaster's own,
 * its children's that run (backends, autovacuum, the checkpointer...), and those of the
 * children that have ended, which the kernel adds to the postmaster's cutime and cstime
 * when it reaps them. So a backend that lives only part of a run (a connection opened
 * for one migration) counts too, which cpuDuring, reading the backends that exist at the
 * start and the end, cannot see. Everything the server ran counts: other clients' work too.
 */
export function postgresServerCpuMs(postmaster: number): number | null {
  const own = procStat(postmaster)?.fields;
  if (!own) return null;
  // cutime and cstime, the 16th and 17th fields: the CPU of its ended children.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(Number(entry))?.fields;
    if (child && Number(child[1]) === postmaster) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticksToMs(ticks);
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
  return ticksToMs(user + nice + system + irq + softirq + steal);
}
