// Subscriptions go through the pipeline every operation goes through (parsing,
// validation, limits, metering and its quota, the request's log line), because they
// go through Apollo too: Apollo runs every plugin up to execution, and this one then
// starts the subscription in Apollo's stead (Apollo executes queries and mutations
// only). graphql-js gives the subscription's results, or the errors that refused it;
// the results reach the transport through the context, as Apollo's response has no
// room for a stream. Over HTTP a subscription is refused: there is nothing to stream it on.
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { GraphQLError, subscribe, type ExecutionResult } from 'graphql';
import type { GatewayContext } from '../schema/context';

const isStream = (started: ExecutionResult | AsyncGenerator<ExecutionResult>): started is AsyncGenerator<ExecutionResult> =>
  Symbol.asyncIterator in started;

/** Its results are on their way, or its errors are the answer (raw: the transport masks them, as it masks each result's). */
const answer = (result: ExecutionResult): GraphQLResponse => ({
  http: { status: undefined, headers: new HeaderMap() },
  body: { kind: 'single', singleResult: result },
});

export function subscriptionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation === 'subscription' && request.http) {
            throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at this URL', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
        async responseForOperation({ operation, schema, document, request, contextValue }) {
          if (operation?.operation !== 'subscription') return null;
          const started = await subscribe({ schema, document, contextValue, variableValues: request.variables, operationName: request.operationName });
          if (!isStream(started)) return answer(started);
          contextValue.streamResults(started);
          return answer({});
        },
      };
    },
  };
}
