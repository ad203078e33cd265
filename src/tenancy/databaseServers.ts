// The database servers tenant data lives on (PostgreSQL, MySQL or MariaDB), by
// name, and how to reach one tenant's tables on them.
import type { Config, DatabaseServer } from '../config';
import type { Engine } from '../engine';
import type { DatabaseLogin } from '../db/postgresDriver';
import { withDatabase } from '../db/urls';
import type { Tenant } from '../generated/platform/client';

export type TenantLocation = Pick<Tenant, 'server' | 'isolation' | 'databaseName' | 'schemaName' | 'externalUrlCipher'>;

/** One tenant's tables, reached directly (not through a pooler): for migrations, checks and the db command. */
export interface TenantConnection {
  url: string;
  schema: string | null;
}

/** TENANT_SERVERS, or else the platform's own PostgreSQL server as the one tenant server. */
export function configuredTenantServers(config: Pick<Config, 'tenantServers'>, platformUrl: string): DatabaseServer[] {
  return config.tenantServers ?? [{ name: 'default', engine: 'postgresql', url: withDatabase(platformUrl, 'postgres') }];
}

export class DatabaseServers {
  private readonly byName: Map<string, DatabaseServer>;

  constructor(
    servers: DatabaseServer[],
    /** Opens `externalUrlCipher` of a tenant that brought its own database. */
    private readonly decrypt: (cipher: string) => string,
    /** The pool database of POOL tenants (POOL_DATABASE), as the role the request path reaches it as on every PostgreSQL server. */
    readonly poolLogin: DatabaseLogin,
  ) {
    this.byName = new Map(servers.map((s) => [s.name, s]));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The servers of one engine, by name. */
  namesOf(engine: Engine): string[] {
    return [...this.byName.values()].filter((s) => s.engine === engine).map((s) => s.name);
  }

  /** Where a tenant goes when its input names no engine: PostgreSQL, unless every tenant server is MySQL. */
  defaultEngine(): Engine {
    return this.namesOf('postgresql').length > 0 ? 'postgresql' : 'mysql';
  }

  engineOf(name: string): Engine {
    return this.server(name).engine;
  }

  private server(name: string): DatabaseServer {
    const server = this.byName.get(name);
    if (!server) throw new Error(`no database server named "${name}" is configured (TENANT_SERVERS)`);
    return server;
  }

  /** The server itself, for creating databases and anything that must not go through a pooler. */
  url(name: string): string {
    return this.server(name).url;
  }

  /** Where requests go: the pooler in front of the server when one is configured. */
  requestUrl(name: string): { url: string; pooled: boolean } {
    const { url, pooledUrl } = this.server(name);
    return pooledUrl ? { url: pooledUrl, pooled: true } : { url, pooled: false };
  }

  /** The customer's own database of a tenant that brought one. */
  externalUrl(tenant: TenantLocation): string | undefined {
    return tenant.externalUrlCipher ? this.decrypt(tenant.externalUrlCipher) : undefined;
  }

  connectionOf(tenant: TenantLocation): TenantConnection {
    const external = this.externalUrl(tenant);
    if (external) return { url: external, schema: tenant.schemaName };
    if (!tenant.databaseName) throw new Error('tenant has no database yet');
    return { url: withDatabase(this.url(tenant.server), tenant.databaseName), schema: tenant.schemaName };
  }
}
