// A server span per GraphQL operation, in the GraphQL semantic conventions: the
// transport starts it before the request's credentials are checked (httpServer.ts,
// webSocket.ts), the plugin names it once Apollo knows the operation ("query",
// "query products"), and the request's report ends it with the codes its client saw
// (requestObserver.ts). Variables are never recorded; the document only with
// OTEL_GRAPHQL_DOCUMENT=true, and then with its literal values blanked.
import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind } from '@opentelemetry/api';
import { Kind, print, visit, type DocumentNode } from 'graphql';
import { activeWorkSpan, startTrace, type SpanHandle } from '../observability/spans';
import type { GatewayContext } from '../schema/context';

export function startOperationTrace(): SpanHandle | undefined {
  // Renamed once the operation is known; a request refused before that keeps this name.
  return startTrace('GraphQL Operation', { kind: SpanKind.SERVER });
}

/** The document as written, but for its literals: a string may be a password typed inline. */
function withoutLiterals(document: DocumentNode): string {
  const blank = { StringValue: () => ({ kind: Kind.STRING, value: '?' }), IntValue: () => ({ kind: Kind.INT, value: '0' }), FloatValue: () => ({ kind: Kind.FLOAT, value: '0' }) };
  return print(visit(document, blank));
}

/** Names the operation's span and notes what it is, once Apollo has resolved it. Only added while tracing is on. */
export function operationTracePlugin(recordDocument: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          const span = activeWorkSpan();
          if (!span || !operation) return;
          const type = operation.operation;
          const name = operation.name?.value;
          span.updateName(name ? `${type} ${name}` : type);
          span.setAttributes({
            'graphql.operation.type': type,
            ...(name ? { 'graphql.operation.name': name } : {}),
            ...(recordDocument ? { 'graphql.document': withoutLiterals(document) } : {}),
          });
        },
      };
    },
  };
}

/** Ends the operation's span: failed, when its client saw errors, with each one's code (never a message: it may quote a value). */
export function endOperationTrace(trace: SpanHandle, errorCodes: readonly string[]): void {
  for (const code of errorCodes) trace.span.addEvent('exception', { 'exception.type': code });
  trace.end(errorCodes[0]);
}
