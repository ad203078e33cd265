// One connection pool per database server a tenant lives on, made on first use:
// the named servers of TENANT_SERVERS (through their pooler when they have one), and
// each customer's own server for tenants that brought their database.
import type { Connection as MysqlConnection } from 'mariadb';
import type pg from 'pg';
import type { Config } from '../config';
import { engineOfUrl } from '../engine';
import { quoteIdent, quoteMysqlIdent } from '../db/identifiers';
import { ANY_DATABASE, mysqlDriver } from '../db/mysqlDriver';
import { postgresDriver } from '../db/postgresDriver';
import { ServerConnectionPool, type ConnectionDriver, type StatementObserver } from '../db/serverPool';
import type { TenantTarget } from '../db/tenantTarget';
import { databaseOf, withDatabase } from '../db/urls';
import type { Tenant } from '../generated/platform/client';
import type { DatabaseServers, TenantLocation } from './databaseServers';

export interface ServerPoolStats {
  server: string;
  open: number;
  idle: number;
  waiting: number;
  /** The most connections the pool opens. */
  cap: number;
  /** Acquires that waited, and those that gave up waiting, since the pool was made. */
  waits: number;
  timeouts: number;
}

export class ServerPools {
  private readonly pools = new Map<string, { label: string; pool: ServerConnectionPool<pg.Client> | ServerConnectionPool<MysqlConnection> }>();

  constructor(
    private readonly servers: DatabaseServers,
    private readonly settings: Config['tenantPool'],
    private readonly observe?: StatementObserver,
  ) {}

  /** Where the tenant's tables are for the request path. */
  targetOf(tenant: TenantLocation & Pick<Tenant, 'id' | 'isolation'>): TenantTarget {
    const external = this.servers.externalUrl(tenant);
    // A customer's server hosts that one tenant: it gets a tenant's share, not a server's.
    const { url, pooled, label, share } = external
      ? { url: external, pooled: false, label: 'external', share: this.settings.connectionsPerTenant }
      : { ...this.servers.requestUrl(tenant.server), label: tenant.server, share: this.settings.connectionsPerServer };
    if (engineOfUrl(url) === 'mysql') {
      const database = external ? databaseOf(external) : tenant.databaseName;
      if (!database) throw new Error('tenant has no database yet');
      const pool = this.poolFor(url, label, share, () => mysqlDriver({ url, observe: this.observe, ...this.timeouts() }));
      const schema = quoteMysqlIdent(database);
      return { engine: 'mysql', owner: tenant.id, pool, database: ANY_DATABASE, schema, schemaName: database, key: `${label}/${schema}` };
    }
    const schemaName = tenant.schemaName ?? 'public';
    const schema = quoteIdent(schemaName);
    const database = external ? databaseOf(external) : tenant.databaseName;
    if (!database) throw new Error('tenant has no database yet');
    const serverUrl = external ? withDatabase(external, 'postgres') : url;
    const login = external ? undefined : this.servers.poolLogin;
    const pool = this.poolFor(serverUrl, label, share, () => postgresDriver({ url: serverUrl, pooled, login, observe: this.observe, ...this.timeouts() }));
    const place = { engine: 'postgresql', owner: tenant.id, pool, database, schema, schemaName } as const;
    if (tenant.isolation === 'POOL') {
      if (database !== this.servers.poolLogin.database) throw new Error(`a POOL tenant's rows are in ${this.servers.poolLogin.database}, not ${database}`);
      // The statements' text is the same for every pool tenant (it is a bound value), so they can be prepared.
      return { ...place, poolTenant: { tenantId: tenant.id, role: this.servers.poolLogin.user }, preparedStatements: !pooled, key: `${tenant.server}/${database}/pool:${tenant.id}` };
    }
    return {
      ...place,
      preparedStatements: !pooled && !tenant.schemaName,
      key: external ? `${tenant.id}/${database}/${schema}` : `${tenant.server}/${database}/${schema}`,
    };
  }

  stats(): ServerPoolStats[] {
    return [...this.pools.values()].map(({ label, pool }) => ({
      server: label,
      open: pool.open,
      idle: pool.idleCount,
      waiting: pool.waiting,
      cap: pool.maxConnections,
      waits: pool.waits,
      timeouts: pool.timeouts,
    }));
  }

  async close(): Promise<void> {
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map(({ pool }) => pool.close()));
  }

  private timeouts() {
    return { connectTimeoutMs: this.settings.connectTimeoutMs, statementTimeoutMs: this.settings.statementTimeoutMs };
  }

  private poolFor<C>(url: string, label: string, maxConnections: number, driver: () => ConnectionDriver<C>): ServerConnectionPool<C> {
    let entry = this.pools.get(url);
    if (!entry) {
      const s = this.settings;
      const pool = new ServerConnectionPool<C>({
        driver: driver(),
        maxConnections,
        maxPerOwner: Math.min(s.connectionsPerTenant, maxConnections),
        idleMs: s.connectionIdleMs,
        acquireTimeoutMs: s.acquireTimeoutMs,
      });
      this.pools.set(url, (entry = { label, pool: pool as ServerConnectionPool<pg.Client> }));
    }
    return entry.pool as unknown as ServerConnectionPool<C>;
  }
}
