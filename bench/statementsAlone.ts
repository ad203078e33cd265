// A shape's SQL alone: the statements a server sends PostgreSQL for one request
// (logged in its process by statementLog.ts), then run by pgbench, without the
// server, to see what PostgreSQL itself spends on each server's way of asking.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { LoggedStatement } from './statementLog';

const PGBENCH = process.env.BENCH_PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The JSON lines of the log, parsed. */
function logLines(file: string): Array<LoggedStatement | { logging: boolean }> {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LoggedStatement | { logging: boolean }) : [];
}

/** Turns the server's statement log on or off, and waits (at most 5 s) until it has. */
async function setLogging(server: ChildProcess, file: string, on: boolean): Promise<void> {
  server.kill('SIGUSR2');
  const until = Date.now() + 5000;
  for (;;) {
    const last = logLines(file).filter((line) => 'logging' in line).at(-1);
    if (last && 'logging' in last && last.logging === on) return;
    if (Date.now() > until) throw new Error(`the server's statement log did not turn ${on ? 'on' : 'off'} within 5 s (started with -r statementLog.js?)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The statements `server` (started with statementLog.ts, logging to `file`) sends to `database` while `request` runs. */
export async function statementsOf(server: ChildProcess, file: string, database: string, request: () => Promise<unknown>): Promise<LoggedStatement[]> {
  await setLogging(server, file, true);
  const from = logLines(file).length;
  try {
    await request();
  } finally {
    await setLogging(server, file, false);
  }
  return logLines(file)
    .slice(from)
    .filter((line): line is LoggedStatement => 'text' in line && line.database === database);
}

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/** The statement with its values written in (as quoted literals, or as `inline` writes them). */
export function withValues({ text, values }: LoggedStatement, inline: (value: string | null) => string = literal): string {
  return `${text.replace(/\$(\d+)/g, (_, n: string) => inline(values[Number(n) - 1])).trim().replace(/;$/, '')};`;
}

/**
 * The statements as a pgbench script, their values written in. A UUID a request
 * creates (one first seen in an INSERT) would collide when run again: each becomes a
 * pgbench variable drawn anew for each run of the script; but the ids of rows that
 * were there before, which the request refers to (`existing`), stay as they are.
 */
export function pgbenchScript(statements: LoggedStatement[], existing: readonly string[] = []): string {
  const fresh = new Map<string, string>();
  for (const { text, values } of statements) {
    if (!/^\s*insert\b/i.test(text)) continue;
    for (const value of values) if (value !== null && UUID.test(value) && !existing.includes(value) && !fresh.has(value)) fresh.set(value, `fresh${fresh.size + 1}`);
  }
  const settings = [...fresh.values()].map((name) => `\\set ${name} random(1, 281474976710655)`);
  const inline = (value: string | null) => {
    const variable = value === null ? undefined : fresh.get(value);
    return variable ? `('00000000-0000-4000-8000-' || lpad(to_hex(:${variable}), 12, '0'))::uuid` : literal(value);
  };
  return [...settings, ...statements.map((statement) => withValues(statement, inline))].join('\n') + '\n';
}

/** Runs of the script per second on `databaseUrl` (pgbench -c 4 -j 2 for `seconds`), or why it could not run. */
export async function pgbenchRate(databaseUrl: string, scriptFile: string, script: string, seconds: number): Promise<{ perSecond: number } | { error: string }> {
  if (!existsSync(PGBENCH)) return { error: `no pgbench at ${PGBENCH} (BENCH_PGBENCH)` };
  writeFileSync(scriptFile, script);
  try {
    const { stdout } = await promisify(execFile)(PGBENCH, ['-n', '-c', '4', '-j', '2', '-T', String(seconds), '-f', scriptFile, databaseUrl], { maxBuffer: 1 << 24 });
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    if (failed > 0) return { error: `${failed} runs failed` };
    return { perSecond: parseFloat(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? '0') };
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    return { error: (stderr || message).split('\n').find((line) => /error|abort/i.test(line)) ?? message };
  }
}
