// After a mutation on a tenant, its events leave the outbox at once: the relay of
// this process is nudged for that tenant. Nothing waits on it, and nothing is lost
// if the process dies first: the sweep relays what is left (see webhooks/outboxRelay.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../schema/context';
import type { OutboxRelay } from '../webhooks/outboxRelay';

export function outboxNudgePlugin(relay: OutboxRelay): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation }) {
          const tenant = contextValue.grantedTenant;
          if (operation?.operation === 'mutation' && tenant) relay.nudge(tenant);
        },
      };
    },
  };
}
