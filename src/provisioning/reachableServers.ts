// Placement only puts a new tenant where it can be built: each candidate server
// is asked for `SELECT 1` within the connect timeout, all at once, and one that does
// not answer (down, refusing, or hung) is passed over.
import pg from 'pg';
import type { Engine } from '../engine';
import { connectMysql } from '../db/mysqlConnect';
import type { Services } from '../services';
import { ProvisioningError } from './provisioningError';

async function mysqlAnswers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const connection = await connectMysql(url, { connectTimeoutMs: timeoutMs, statementTimeoutMs: timeoutMs });
    await connection.query('SELECT 1').finally(() => connection.destroy());
    return true;
  } catch {
    return false;
  }
}

async function postgresAnswers(url: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {}); // a server that drops the connection late must not crash the process
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    // A hung server never acknowledges the goodbye: do not wait for it.
    void client.end().catch(() => {});
  }
}

/** Whether the server at `url` answers `SELECT 1` within `timeoutMs`. */
export function serverAnswers(engine: Engine, url: string, timeoutMs: number): Promise<boolean> {
  return engine === 'mysql' ? mysqlAnswers(url, timeoutMs) : postgresAnswers(url, timeoutMs);
}

/** The names of the configured servers of `engine` that answer now; a retryable failure when none does. */
export async function reachableServers(services: Pick<Services, 'servers' | 'config' | 'log'>, engine: Engine): Promise<string[]> {
  const names = services.servers.namesOf(engine);
  const timeout = services.config.tenantPool.connectTimeoutMs;
  const up = await Promise.all(names.map((name) => serverAnswers(engine, services.servers.url(name), timeout)));
  const down = names.filter((_, i) => !up[i]);
  if (down.length > 0) services.log.warn({ servers: down }, 'database servers did not answer: new tenants are placed elsewhere');
  const reachable = names.filter((_, i) => up[i]);
  if (reachable.length === 0) throw new ProvisioningError(`no ${engine === 'mysql' ? 'MySQL' : 'PostgreSQL'} server can be reached right now; the job will try again`);
  return reachable;
}
