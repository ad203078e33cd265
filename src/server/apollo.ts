// Apollo Server, configured once. Cross-cutting behaviour lives in plugins here,
// not in resolvers.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../schema/context';
import { expectedError, formatClientError } from './clientErrors';
import { assertComplexity, limitRules, type OperationLimits } from './operationLimits';

/** Rules for an operation once it is known: subscriptions belong on the WebSocket, and the cost limit. */
function operationRulesPlugin(schema: GraphQLSchema, limit: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at this URL', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          assertComplexity(schema, document, request.variables, request.operationName, limit);
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
  plugins?: ApolloServerPlugin<GatewayContext>[];
}): Promise<ApolloServer<GatewayContext>> {
  const apollo = new ApolloServer<GatewayContext>({
    schema: options.schema,
    validationRules: limitRules(options.limits),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown: Apollo must not catch SIGTERM and stop on its own.
    stopOnTerminationSignals: false,
    formatError: formatClientError,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints, and the default cache-control plugin would hook every field of every query.
      ApolloServerPluginCacheControlDisabled(),
      operationRulesPlugin(options.schema, options.limits.complexity),
      unexpectedErrorLogger(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  return apollo;
}
