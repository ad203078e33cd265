// A built-in module of the tenant schema, in code. Its models are in
// prisma/tenant/modules/<name>/ (module.json names the modules it requires); its domain
// rules, resolvers and GraphQL types are in src/modules/<name>/, and use those of the
// modules it requires, never others'. A build compiles only the modules TENANT_MODULES
// selects: `npm run generate` lists them in src/generated/selectedModules.ts (in
// requires order) and leaves the other folders out of the TypeScript build
// (src/generated/tsconfig.modules.json). Code every build shares asks the selected
// modules through this value instead of importing any of them.
//
// The domain events a module records are not here but in its events.ts, gathered into
// src/generated/moduleEvents.ts: shared code needs them as it loads (webhooks check
// subscriptions against them), which may be while the modules themselves are loading.
import type { TaskList } from 'graphile-worker';
import type { CountedLimit } from '../billing/planLimits';
import type { TenantDb } from '../db/tenantClient';
import type { DemoTenant } from '../demo/demoData';
import type { Engine } from '../engine';
import type { Tx } from '../domain/transaction';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import type { OutboxEvent } from '../webhooks/outboxTable';

export interface TenantModule {
  /** Its folder's name, in prisma/tenant/modules and src/modules. */
  name: string;
  /** Its type-graphql resolver classes. */
  resolvers: Function[];
  /** Writes what a new tenant starts with, keeping rows already there: provisioning and `db seed` may run it again. Every module's part runs in one transaction. */
  seedDefaults?: (tx: Tx, tenant: { locale: string; timeZone: string }) => Promise<void>;
  /** Writes its part of a demo tenant, after the modules it requires wrote theirs; only what is missing, as it runs on every demo start. `engine`: the tenant's. */
  seedDemo?: (db: TenantDb, demo: DemoTenant, engine: Engine) => Promise<void>;
  /** How many rows count towards each plan limit on its models (its creates check them with withinPlanLimit). */
  limitCounts?: Partial<Record<CountedLimit, (db: Tx, now: Date) => Promise<number>>>;
  /** Its graphile-worker tasks, run by the job workers of every gateway process (src/provisioning/jobs/jobWorker.ts). */
  tasks?: (services: Services) => TaskList;
  /**
   * What it starts from a tenant's events as they leave the outbox (src/webhooks/relayEvents.ts),
   * before they are marked relayed: the work of events that committed, never of rolled-back
   * changes. An event may come by more than once (two relays of one tenant), so this must be
   * idempotent.
   */
  onRelay?: (services: Pick<Services, 'platform' | 'mailer'>, tenant: TenantRecord, events: readonly OutboxEvent[]) => Promise<void>;
}
