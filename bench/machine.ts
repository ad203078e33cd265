// What a benchmark ran on, printed with its results so numbers are never quoted bare.
import os from 'node:os';
import pg from 'pg';

export async function describeMachine(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  const cpus = os.cpus();
  return [
    `${cpus[0]?.model ?? 'unknown CPU'} x ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `Node ${process.version}, PostgreSQL ${rows[0].server_version}, ${os.platform()} ${os.release()}`,
    `load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ].join('\n');
}

/** Prints rows as an aligned text table. */
export function printTable(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}
