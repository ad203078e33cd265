// When relays run. After a mutation commits, its process nudges the relay of that
// tenant (events leave at once); a periodic sweep relays, for every ACTIVE tenant
// with an enabled webhook, what a process that died after its commit left behind.
// A tenant has at most one relay running per process: a nudge while one runs makes
// it go round once more, so a burst of writes costs a few relays, not one each.
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { relayTenantEvents } from './relayEvents';

const SWEEP_CONCURRENCY = 4;

export class OutboxRelay {
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(private readonly services: Pick<Services, 'log' | 'platform' | 'pool' | 'events' | 'mailer'>) {}

  /** Relays `tenant`'s events soon; never throws (a failed relay is the sweep's to repeat). */
  nudge(tenant: TenantRecord): void {
    void this.relay(tenant);
  }

  relay(tenant: TenantRecord): Promise<void> {
    const current = this.running.get(tenant.id);
    if (current) {
      current.again = true;
      return current.done;
    }
    const run = { again: true, done: Promise.resolve() };
    run.done = (async () => {
      try {
        while (run.again) {
          run.again = false;
          await relayTenantEvents(this.services, tenant);
        }
      } catch (err) {
        this.services.log.warn({ err, tenant: tenant.slug }, 'relaying tenant events failed; the sweep tries again');
      } finally {
        this.running.delete(tenant.id);
      }
    })();
    this.running.set(tenant.id, run);
    return run.done;
  }

  /** One sweep: only tenants with an enabled webhook are read, so thousands of tenants without cost nothing. */
  async sweep(): Promise<void> {
    const tenants = await this.services.platform.tenant.findMany({ where: { status: 'ACTIVE', webhooks: { some: { enabled: true } } } });
    const queue = [...tenants];
    const worker = async () => {
      for (let tenant = queue.shift(); tenant; tenant = queue.shift()) await this.relay(tenant);
    };
    await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
  }

  /** Waits for the relays in flight (on shutdown, before the tenant clients close). */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()].map((run) => run.done));
  }
}

const relays = new WeakMap<Services, OutboxRelay>();

/** The relay of a gateway process (one per services). */
export function outboxRelay(services: Services): OutboxRelay {
  let relay = relays.get(services);
  if (!relay) {
    const made = (relay = new OutboxRelay(services));
    relays.set(services, made);
    services.shutdown.add('drain', 'outbox relay', () => made.drain());
  }
  return relay;
}
