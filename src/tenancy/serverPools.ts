// One connection pool per database server a tenant lives on, made on first use:
// the named servers of TENANT_SERVERS (through their pooler when they have one), and
// each customer's own server for tenants that brought their database.
import pg from 'pg';
import type { Config } from '../config';
import { quoteIdent } from '../db/identifiers';
import { ServerConnectionPool } from '../db/serverPool';
import type { TenantTarget } from '../db/tenantTarget';
import { databaseOf, withDatabase } from '../db/urls';
import type { DatabaseServers, TenantLocation } from './databaseServers';

export interface ServerPoolStats {
  server: string;
  open: number;
  idle: number;
  waiting: number;
}

export class ServerPools {
  private readonly pools = new Map<string, { label: string; pool: ServerConnectionPool }>();

  constructor(
    private readonly servers: DatabaseServers,
    private readonly settings: Config['tenantPool'],
    /** The pg client class connections are made with (tests count statements with a subclass). */
    private readonly Client: typeof pg.Client = pg.Client,
  ) {}

  /** Where the tenant's tables are for the request path. */
  targetOf(tenant: TenantLocation & { id: string }): TenantTarget {
    const external = this.servers.externalUrl(tenant);
    const schema = quoteIdent(tenant.schemaName ?? 'public');
    if (external) {
      // A customer's server hosts that one tenant: it gets a tenant's share, not a server's.
      const pool = this.poolFor(withDatabase(external, 'postgres'), 'external', false, this.settings.connectionsPerTenant);
      const database = databaseOf(external);
      return { owner: tenant.id, pool, database, schema, preparedStatements: !tenant.schemaName, key: `${tenant.id}/${database}/${schema}` };
    }
    if (!tenant.databaseName) throw new Error('tenant has no database yet');
    const { url, pooled } = this.servers.requestUrl(tenant.server);
    const pool = this.poolFor(url, tenant.server, pooled, this.settings.connectionsPerServer);
    return {
      owner: tenant.id,
      pool,
      database: tenant.databaseName,
      schema,
      preparedStatements: !pooled && !tenant.schemaName,
      key: `${tenant.server}/${tenant.databaseName}/${schema}`,
    };
  }

  stats(): ServerPoolStats[] {
    return [...this.pools.values()].map(({ label, pool }) => ({ server: label, open: pool.open, idle: pool.idleCount, waiting: pool.waiting }));
  }

  async close(): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map(({ pool }) => pool.close()));
  }

  private poolFor(url: string, label: string, pooled: boolean, maxConnections: number): ServerConnectionPool {
    let entry = this.pools.get(url);
    if (!entry) {
      const s = this.settings;
      const pool = new ServerConnectionPool({
        url,
        maxConnections,
        maxPerOwner: Math.min(s.connectionsPerTenant, maxConnections),
        idleMs: s.connectionIdleMs,
        connectTimeoutMs: s.connectTimeoutMs,
        statementTimeoutMs: s.statementTimeoutMs,
        acquireTimeoutMs: s.acquireTimeoutMs,
        pooled,
        Client: this.Client,
      });
      this.pools.set(url, (entry = { label, pool }));
    }
    return entry.pool;
  }
}
