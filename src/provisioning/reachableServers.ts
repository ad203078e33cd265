// Placement only puts a new tenant where it can be built: each candidate server
// is asked for `SELECT 1` within the connect timeout, all at once, and one that does
// not answer (down, refusing, or hung) is passed over.
import pg from 'pg';
import type { Services } from '../services';
import { ProvisioningError } from './provisioningError';

async function answers(url: string, timeoutMs: number): Promise<boolean> {
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

/** The names of the configured servers that answer now; a retryable failure when none does. */
export async function reachableServers(services: Pick<Services, 'servers' | 'config' | 'log'>): Promise<string[]> {
  const names = services.servers.names();
  const timeout = services.config.tenantPool.connectTimeoutMs;
  const up = await Promise.all(names.map((name) => answers(services.servers.url(name), timeout)));
  const down = names.filter((_, i) => !up[i]);
  if (down.length > 0) services.log.warn({ servers: down }, 'database servers did not answer: new tenants are placed elsewhere');
  const reachable = names.filter((_, i) => up[i]);
  if (reachable.length === 0) throw new ProvisioningError('no database server can be reached right now; the job will try again');
  return reachable;
}
