// Every GraphQL operation aimed at a tenant is an API call of that tenant: counted
// per UTC day, and refused with RATE_LIMITED (HTTP 429, Retry-After) once the
// plan's monthly quota is used up, before any resolver runs. Operations that end
// with errors are counted as errors too, and each one's latency (request start to
// response) in the tenant's latency histogram of the day.
//
// Not counted: operations with no tenant or whose caller may not use it (they fail
// anyway), platform admins' operations (staff work is not the tenant's usage), and
// operations that select only unmetered fields (account and billing: a tenant over
// its quota can still see its usage and change its plan).
import { reachesEveryTenant } from '../auth/policy';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { quotaExceeded, type UsageMeter } from '../billing/usageMeter';
import type { GatewayContext } from '../schema/context';
import { isUnmetered } from '../schema/fieldExtensions';

function selectsMeteredField(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getRootType(operation.operation)?.getFields() ?? {};
  return operation.selectionSet.selections.some(
    (selection) => selection.kind !== Kind.FIELD || (!selection.name.value.startsWith('__') && !isUnmetered(fields[selection.name.value])),
  );
}

export function meteringPlugin(usage: UsageMeter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let meteredTenantId: string | undefined;
      return {
        async didResolveOperation({ contextValue, operation, schema }) {
          const { principal } = contextValue;
          if (!principal || reachesEveryTenant(principal)) return;
          if (!operation || !selectsMeteredField(schema, operation)) return;
          // The resolvers report a tenant that may not be used, with its proper error.
          const access = await contextValue.access().catch(() => undefined);
          if (!access) return;
          meteredTenantId = access.tenant.id;
          const verdict = await usage.admit(access.tenant);
          if (!verdict.admitted) throw quotaExceeded(verdict);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (!meteredTenantId) return;
          if (errors?.length) usage.recordError(meteredTenantId);
          usage.recordLatency(meteredTenantId, performance.now() - started);
        },
      };
    },
  };
}
