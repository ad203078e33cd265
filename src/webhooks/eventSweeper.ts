// The sweep that makes "no event is lost" hold when a process dies: every
// WEBHOOK_SWEEP_SECONDS (and at start), a process that sends deliveries relays what is
// left in the outboxes of tenants with webhooks (a process that died between its commit
// and its relay), and wakes the sender of every webhook with a delivery due (one that
// died mid-turn, or whose sender job failed for good).
import type { Services } from '../services';
import { wakeDueSenders } from './deliveryQueue';
import { outboxRelay } from './outboxRelay';

export function startEventSweeper(services: Services): { stop(): void } {
  const relay = outboxRelay(services);
  let sweeping = false;
  const sweep = () => {
    if (sweeping) return;
    sweeping = true;
    Promise.all([relay.sweep(), wakeDueSenders(services.platform)])
      .catch((err: unknown) => services.log.warn({ err }, 'sweeping tenant events failed'))
      .finally(() => (sweeping = false));
  };
  sweep();
  const timer = setInterval(sweep, services.config.webhooks.sweepMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
