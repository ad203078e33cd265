// The PostgreSQL servers tenant data lives on, by name, and how to reach one
// tenant's tables on them.
import type { DatabaseServer } from '../config';
import { withDatabase } from '../db/urls';
import type { TenantConnection } from '../db/tenantClient';
import type { Tenant } from '../generated/platform/client';

export type TenantLocation = Pick<Tenant, 'server' | 'databaseName' | 'schemaName' | 'externalUrlCipher'>;

export class DatabaseServers {
  private readonly byName: Map<string, string>;

  constructor(
    servers: DatabaseServer[],
    /** Opens `externalUrlCipher` of a tenant that brought its own database. */
    private readonly decrypt: (cipher: string) => string,
  ) {
    this.byName = new Map(servers.map((s) => [s.name, s.url]));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  url(name: string): string {
    const url = this.byName.get(name);
    if (!url) throw new Error(`no database server named "${name}" is configured (TENANT_SERVERS)`);
    return url;
  }

  connectionOf(tenant: TenantLocation): TenantConnection {
    if (tenant.externalUrlCipher) return { url: this.decrypt(tenant.externalUrlCipher), schema: tenant.schemaName };
    if (!tenant.databaseName) throw new Error('tenant has no database yet');
    return { url: withDatabase(this.url(tenant.server), tenant.databaseName), schema: tenant.schemaName };
  }
}
