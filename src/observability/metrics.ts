// The gateway's Prometheus metrics (prom-client), one registry per process.
// Request metrics are recorded by the transports; the rest is read at scrape time
// from where it lives (the tenant databases and server pools, the job table, the event bus), so
// nothing is kept twice.
//
// Label cardinality is bounded: operation names only when the client named the
// operation and it resolved against the schema, tenants only once the request
// opened one, and both capped (see BoundedLabel).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PlatformDb } from '../db/platformClient';
import type { Logger } from '../logger';
import { BoundedLabel } from './boundedLabel';

export const NO_TENANT = '(none)';
export const ANONYMOUS = '(anonymous)';
export const UNRESOLVED = '(unresolved)';

const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;

export interface RequestRecord {
  /** The resolved operation's name; null for an anonymous one; undefined when none resolved (parse or validation failure, rejected request). */
  operation: string | null | undefined;
  /** The tenant the request opened, if any. */
  tenant: string | undefined;
  errorCodes: string[];
  seconds: number;
}

/** What the metrics read of the tenant databases' pool (tenancy's TenantDatabases). */
export interface PoolReadings {
  readonly clients: { readonly size: number; readonly created: number };
  readonly inFlight: number;
  readonly servers: { stats(): Array<{ server: string; open: number; idle: number; waiting: number; waits: number; timeouts: number }> };
}

export interface MetricsSources {
  platform: PlatformDb;
  pool: PoolReadings;
  log: Logger;
  /** Caps on distinct label values. */
  maxOperations?: number;
  maxTenants?: number;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations: BoundedLabel;
  private readonly tenants: BoundedLabel;
  private readonly requests: Counter<'operation' | 'tenant'>;
  private readonly errors: Counter<'operation' | 'tenant' | 'code'>;
  private readonly duration: Histogram<'operation'>;
  private eventBusSubscribers: () => number = () => 0;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    this.operations = new BoundedLabel(sources.maxOperations ?? 200);
    this.tenants = new BoundedLabel(sources.maxTenants ?? 1000);
    collectDefaultMetrics({ register: this.registry, prefix: 'tenantgraph_' });

    this.requests = new Counter({
      name: 'tenantgraph_graphql_requests_total',
      help: 'GraphQL requests by operation name and tenant',
      labelNames: ['operation', 'tenant'],
      registers,
    });
    this.errors = new Counter({
      name: 'tenantgraph_graphql_errors_total',
      help: 'GraphQL errors by operation name, tenant and extensions.code',
      labelNames: ['operation', 'tenant', 'code'],
      registers,
    });
    this.duration = new Histogram({
      name: 'tenantgraph_graphql_request_duration_seconds',
      help: 'Time to answer a GraphQL request, by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });

    const { pool, platform, log } = sources;
    new Gauge({
      name: 'tenantgraph_tenant_clients_open',
      help: 'Prisma clients open in this process (each serves one tenant at a time)',
      registers,
      collect() {
        this.set(pool.clients.size);
      },
    });
    new Counter({
      name: 'tenantgraph_tenant_clients_created_total',
      help: 'Prisma clients made: stays low while clients move between tenants',
      registers,
      collect() {
        this.reset();
        this.inc(pool.clients.created);
      },
    });
    new Gauge({
      name: 'tenantgraph_tenant_requests_in_flight',
      help: 'Requests holding a tenant lease right now',
      registers,
      collect() {
        this.set(pool.inFlight);
      },
    });
    new Gauge({
      name: 'tenantgraph_db_connections',
      help: 'Connections to tenant database servers by server and state (open = busy + idle; waiting = requests queued for one)',
      labelNames: ['server', 'state'],
      registers,
      collect() {
        this.reset();
        for (const { server, open, idle, waiting } of pool.servers.stats()) {
          this.inc({ server, state: 'open' }, open);
          this.inc({ server, state: 'idle' }, idle);
          this.inc({ server, state: 'waiting' }, waiting);
        }
      },
    });
    new Counter({
      name: 'tenantgraph_db_connection_waits_total',
      help: 'Requests that had to wait for a connection to a tenant database server, and those that waited in vain (outcome: timeout)',
      labelNames: ['server', 'outcome'],
      registers,
      collect() {
        this.reset();
        for (const { server, waits, timeouts } of pool.servers.stats()) {
          this.inc({ server, outcome: 'waited' }, waits);
          this.inc({ server, outcome: 'timeout' }, timeouts);
        }
      },
    });
    new Gauge({
      name: 'tenantgraph_provisioning_jobs',
      help: 'Provisioning jobs by status (read from the platform database at scrape time)',
      labelNames: ['status'],
      registers,
      async collect() {
        try {
          const counts = await platform.provisioningJob.groupBy({ by: ['status'], _count: true });
          const byStatus = new Map(counts.map((c) => [c.status, c._count]));
          for (const status of JOB_STATUSES) this.set({ status }, byStatus.get(status) ?? 0);
        } catch (error) {
          // An unreachable platform database shows in /readyz; the rest of the scrape still answers.
          this.reset();
          log.warn({ err: error }, 'metrics: could not count provisioning jobs');
        }
      },
    });
    new Gauge({
      name: 'tenantgraph_tenant_exports',
      help: 'Tenant archives by origin (REQUESTED, SCHEDULED backups, UPLOADED) and status; a FAILED backup shows here until the next one succeeds and prunes it (read at scrape time)',
      labelNames: ['origin', 'status'],
      registers,
      async collect() {
        try {
          const counts = await platform.tenantExport.groupBy({ by: ['origin', 'status'], _count: true, where: { status: { not: 'DELETED' } } });
          this.reset();
          for (const c of counts) this.set({ origin: c.origin, status: c.status }, c._count);
        } catch (error) {
          this.reset();
          log.warn({ err: error }, 'metrics: could not count tenant exports');
        }
      },
    });
    const subscribers = () => this.eventBusSubscribers();
    new Gauge({
      name: 'tenantgraph_event_bus_subscribers',
      help: 'Live subscriptions to the event bus in this process',
      registers,
      collect() {
        this.set(subscribers());
      },
    });
  }

  /** The event bus calls this once with a function that counts its subscribers. */
  observeEventBusSubscribers(count: () => number): void {
    this.eventBusSubscribers = count;
  }

  recordRequest(record: RequestRecord): void {
    const operation = record.operation === undefined ? UNRESOLVED : record.operation === null ? ANONYMOUS : this.operations.of(record.operation);
    const tenant = record.tenant ? this.tenants.of(record.tenant) : NO_TENANT;
    this.requests.inc({ operation, tenant });
    for (const code of record.errorCodes) this.errors.inc({ operation, tenant, code });
    this.duration.observe({ operation }, record.seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
