// What a request uses to reach its tenant's tables. A tenant costs a small record
// (where its tables are); connections belong to the server pools and Prisma clients
// to the shared client pool, so a thousand tenants cost a thousand records.
//
// - `target` is for planned reads and raw SQL: statements on the server pool.
// - `db` is a Prisma client bound to the tenant, taken on first use (writes, and the
//   reads no plan covers) and given back with the lease.
import { LRUCache } from 'lru-cache';
import type { TenantDb } from '../db/tenantClient';
import type { TenantTarget } from '../db/tenantTarget';
import type { PrismaClientLease, PrismaClientPool } from './prismaClients';
import type { ServerPools } from './serverPools';
import type { TenantRecord } from './tenantRegistry';

export interface Lease {
  readonly target: TenantTarget;
  readonly db: TenantDb;
  release(): void;
}

/** Identifies where a tenant's tables are; a tenant that moved gets a new target. */
const locationOf = (t: TenantRecord) => `${t.server}/${t.databaseName}/${t.schemaName}/${t.externalUrlCipher ?? ''}`;

export class TenantDatabases {
  private readonly targets = new LRUCache<string, { location: string; target: TenantTarget }>({ max: 50_000 });
  private leases = 0;
  private closed = false;

  constructor(
    readonly servers: ServerPools,
    readonly clients: PrismaClientPool,
  ) {}

  /** Leases not given back yet. */
  get inFlight(): number {
    return this.leases;
  }

  acquire(tenant: TenantRecord): Lease {
    // Only a shutdown closes them; a request arriving after it is a fault, not a database outage.
    if (this.closed) throw new Error('the tenant databases are closed');
    const target = this.targetOf(tenant);
    const clients = this.clients;
    let prisma: PrismaClientLease | undefined;
    let released = false;
    this.leases++;
    return {
      target,
      get db() {
        if (released) throw new Error('tenant lease used after it was released');
        return (prisma ??= clients.acquire(target)).db;
      },
      release: () => {
        if (released) return;
        released = true;
        this.leases--;
        prisma?.release();
      },
    };
  }

  /** Forget where the tenant was (it was archived or moved); its next lease looks again. */
  evict(tenantId: string): void {
    this.targets.delete(tenantId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.clients.close();
    await this.servers.close();
  }

  private targetOf(tenant: TenantRecord): TenantTarget {
    const location = locationOf(tenant);
    const known = this.targets.get(tenant.id);
    if (known?.location === location) return known.target;
    const target = this.servers.targetOf(tenant);
    this.targets.set(tenant.id, { location, target });
    return target;
  }
}
