// A pool of platform connections for a graphile-worker runner.
import pg from 'pg';
import type { Services } from '../../services';

export function jobPool(services: Pick<Services, 'log'>, platformUrl: string, max: number): pg.Pool {
  const pgPool = new pg.Pool({ connectionString: platformUrl, max });
  // A connection that breaks (a database restart) must not take the process down;
  // graphile-worker reconnects, and its listening client is checked out for good.
  const lost = (err: Error) => services.log.warn({ err: err.message }, 'job queue connection lost');
  pgPool.on('error', lost);
  pgPool.on('connect', (client) => client.on('error', lost));
  return pgPool;
}
