// Apollo Server, configured once. Cross-cutting behaviour lives in plugins here,
// not in resolvers. Every operation goes through it, from either transport:
// subscriptions too (subscriptionPlugin.ts).
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { httpStatusOf, type ErrorCode } from '../errors';
import type { GatewayContext } from '../schema/context';
import { expectedError, type ClientErrorFormatter } from './clientErrors';
import { assertOperationAllowed, limitRules, type OperationLimits } from './operationLimits';
import { subscriptionPlugin } from './subscriptionPlugin';

/** Rules for an operation once it is known: its variables and cost. */
function operationRulesPlugin(schema: GraphQLSchema, limit: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          // No operation by that name (or none named of several): execution answers OPERATION_RESOLUTION_FAILURE.
          if (operation) assertOperationAllowed(schema, document, operation, request.variables, limit);
        },
      };
    },
  };
}

/**
 * A request refused before it ran answers with its code's status (400 for a client's
 * mistake) instead of Apollo's default, 500: that one is for failures of ours only.
 * A request that ran answers 200 whatever its errors.
 */
function refusalStatusPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || response.http.status !== 500) return;
          const { data, errors } = response.body.singleResult;
          const code = errors?.[0]?.extensions?.code;
          if (data === undefined && typeof code === 'string') response.http.status = httpStatusOf[code as ErrorCode] ?? 400;
        },
      };
    },
  };
}

/** Logs, with the request id, every error a client will only see as INTERNAL_SERVER_ERROR. */
function unexpectedErrorLogger(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (!expectedError(error)) {
              contextValue.log.error({ err: error.originalError ?? error, operationName }, 'unexpected error');
            }
          }
        },
      };
    },
  };
}

export async function startApollo(options: {
  schema: GraphQLSchema;
  limits: OperationLimits;
  introspection: boolean;
  formatError: ClientErrorFormatter;
  plugins?: ApolloServerPlugin<GatewayContext>[];
}): Promise<ApolloServer<GatewayContext>> {
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    validationRules: limitRules(options.limits),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown: Apollo must not catch SIGTERM and stop on its own.
    stopOnTerminationSignals: false,
    formatError: options.formatError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the default cache-control plugin would hook every field of every query.
      ApolloServerPluginCacheControlDisabled(),
      operationRulesPlugin(options.schema, options.limits.complexity),
      refusalStatusPlugin(),
      unexpectedErrorLogger(),
      subscriptionPlugin(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  return apollo;
}
