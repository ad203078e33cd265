// One log line, one set of metrics and the end of its span per GraphQL request. The Apollo plugin notes
// what the request turned out to be (its operation, the error codes its client
// saw) on the context; the transport reports it once the response is sent, so the
// duration covers the whole answer, and requests refused before execution (a bad
// token, a body too large) are counted too.
import type { ApolloServerPlugin } from '@apollo/server';
import { runInSpan, type SpanHandle } from '../observability/spans';
import type { GatewayContext } from '../schema/context';
import type { Services } from '../services';
import { endOperationTrace } from './operationTrace';

export function outcomePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          contextValue.outcome.operation = operation?.name?.value ?? null;
        },
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          contextValue.outcome.errorCodes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}

export interface AnsweredRequest {
  transport: 'http' | 'websocket';
  requestId: string;
  /** Absent when the request was refused before a context existed. */
  context?: GatewayContext;
  /** The X-Tenant header, for the log line of a refused request. */
  requestedTenant?: string;
  /** The code a refused request was answered with. */
  refusedWith?: string;
  /** The HTTP status; absent over WebSocket. */
  status?: number;
  /** Until the answer was sent; for a subscription, its whole life. */
  seconds: number;
  /** A subscription lives as long as its client wants: never slow. */
  subscription?: boolean;
  /** The operation's span, while tracing is on. */
  trace?: SpanHandle;
}

const SLOW_SECONDS = 1;

export function reportRequests(services: Services): (request: AnsweredRequest) => void {
  return ({ transport, requestId, context, requestedTenant, refusedWith, status, seconds, subscription = false, trace }) => {
    const outcome = context?.outcome;
    const errorCodes = outcome?.errorCodes ?? (refusedWith ? [refusedWith] : []);
    services.metrics.recordRequest({ operation: outcome?.operation, tenant: context?.openedTenant, errorCodes, seconds });
    if (trace) endOperationTrace(trace, errorCodes);
    // A line for every request costs more than many requests do: answered ones are
    // logged at debug (LOG_LEVEL=debug gives an access log), failed ones at info, slow ones at warn.
    const level = !subscription && seconds >= SLOW_SECONDS ? 'warn' : errorCodes.length ? 'info' : 'debug';
    if (!services.log.isLevelEnabled(level)) return;
    const log = context?.log ?? services.log.child({ requestId, tenant: requestedTenant ?? null });
    const write = () =>
      log[level](
        { transport, operation: outcome?.operation, status, ms: Math.round(seconds * 1000), ...(errorCodes.length ? { errors: errorCodes } : {}) },
        'graphql request',
      );
    // In the operation's trace, so the line carries its trace id (logger.ts).
    runInSpan(trace, write);
  };
}
