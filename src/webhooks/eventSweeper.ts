// The sweep that makes "no event is lost" hold when a process dies between its commit
// and its relay: every WEBHOOK_SWEEP_SECONDS (and at start), a process that runs jobs
// relays what is left in the outboxes of tenants with webhooks.
import type { Services } from '../services';
import { outboxRelay } from './outboxRelay';

export function startEventSweeper(services: Services): { stop(): void } {
  const relay = outboxRelay(services);
  let sweeping = false;
  const sweep = () => {
    if (sweeping) return;
    sweeping = true;
    relay
      .sweep()
      .catch((err: unknown) => services.log.warn({ err }, 'sweeping tenant events failed'))
      .finally(() => (sweeping = false));
  };
  sweep();
  const timer = setInterval(sweep, services.config.webhooks.sweepMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
