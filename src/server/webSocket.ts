// GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on the HTTP
// server's port and path. The credentials come in the connection_init payload:
// { authorization: "Bearer <jwt>" (or "ApiKey <key>", or apiKey: "<key>"), tenant?: "<slug>" }, names in
// any case, or as the HTTP headers ("X-Tenant", "X-Api-Key").
//
// Every operation, subscriptions included, runs through Apollo exactly as over HTTP:
// the same validation, limits, plugins (metering and its quota, audit, the log line)
// and error shaping. A subscription's results after its start, which graphql-js
// executes event by event, are masked here the same way. The tenant client goes back
// to the pool when the operation ends. A message is no larger than an HTTP body may be.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { errorTypeOf, runInSpan, type SpanHandle } from '../observability/spans';
import type { GatewayContext } from '../schema/context';
import type { Services } from '../services';
import { expectedError, type ClientErrorFormatter } from './clientErrors';
import { startOperationTrace } from './operationTrace';
import { createRequestContext, type RequestCredentials } from './requestContext';
import { reportRequests } from './requestObserver';
import { SESSION_ENDED, SessionSockets } from './sessionSockets';
import { onlySignsIn } from './signInOperations';

export interface WebSocketOptions {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  apollo: ApolloServer<GatewayContext>;
  services: Services;
  formatError: ClientErrorFormatter;
}

export interface RunningWebSocketServer {
  /** Closes every socket with 1001 (going away) and stops accepting new ones. */
  close(): Promise<void>;
}

type ConnectionParams = Record<string, unknown>;
interface Connection {
  connectionParams?: Readonly<ConnectionParams>;
  extra: { request: http.IncomingMessage };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The first of `names` present in `params`, matched without regard to case. */
function param(params: Readonly<ConnectionParams>, ...names: string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  for (const name of wanted) {
    const key = Object.keys(params).find((k) => k.toLowerCase() === name);
    if (key !== undefined) return text(params[key]);
  }
  return undefined;
}

// The explorer (and other clients) send their HTTP header names here too: "X-Tenant", "X-Api-Key".
function credentialsOf(connection: Connection): RequestCredentials {
  const params = connection.connectionParams ?? {};
  return {
    authorization: param(params, 'authorization'),
    apiKey: param(params, 'apiKey', 'x-api-key'),
    tenant: param(params, 'tenant', 'x-tenant'),
    host: connection.extra.request.headers.host,
    userAgent: connection.extra.request.headers['user-agent'],
  };
}

/** graphql-js leaves parse and validation errors without a code; Apollo gives them these. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/** The document, or why it is none: a syntax error, or one nested so deep the parser ran out of stack. */
function parsed(query: string): DocumentNode | GraphQLError {
  try {
    return parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return withCode(error, 'GRAPHQL_PARSE_FAILED');
    return new GraphQLError('the document could not be parsed', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
}

/** What Apollo answers over HTTP (in graphql-js's words) when the document has no operation by that name, or not just one without a name. */
function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
  const message = operationName
    ? `Unknown operation named "${operationName}".`
    : operations === 0
      ? 'Must provide an operation.'
      : 'Must provide operation name if query contains multiple operations.';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
}

/** An operation of a connection, from its subscribe message until it completes or the socket goes. */
interface RunningOperation {
  context: GatewayContext;
  startedAt: bigint;
  subscription: boolean;
  trace?: SpanHandle;
}

export function attachWebSocketServer(options: WebSocketOptions): RunningWebSocketServer {
  const { schema, services, apollo } = options;
  // Each connection's running operations, by id, so each one's context is released
  // and the operation is logged and counted when it ends, as an HTTP request is when answered.
  const running = new WeakMap<object, Map<string, RunningOperation>>();
  const operationsOf = (connection: object) => {
    let operations = running.get(connection);
    if (!operations) running.set(connection, (operations = new Map()));
    return operations;
  };
  const report = reportRequests(services);
  const release = (connection: object, id: string) => {
    const operation = operationsOf(connection).get(id);
    operationsOf(connection).delete(id);
    if (!operation) return;
    const { context, startedAt, subscription, trace } = operation;
    context.release();
    report({ transport: 'websocket', requestId: context.requestId, context, seconds: Number(process.hrtime.bigint() - startedAt) / 1e9, subscription, trace });
  };
  // graphql-ws runs an operation (run, below) given only its context: this finds its span.
  const traces = new WeakMap<GatewayContext, SpanHandle>();
  // Apollo's results arrive already shaped; those of a subscription (its refusal, its events) are still raw.
  const mask = (errors: ReadonlyArray<GraphQLError | GraphQLFormattedError>): GraphQLFormattedError[] =>
    errors.map((error) => {
      if (!(error instanceof GraphQLError)) return error;
      if (!expectedError(error)) services.log.error({ err: error.originalError ?? error }, 'unexpected error (websocket)');
      return options.formatError(error.toJSON(), error);
    });

  /** Any operation, through Apollo: its result, or the results of the subscription it started. */
  async function run(args: ExecutionArgs): Promise<ExecutionResult | AsyncGenerator<ExecutionResult>> {
    const context = args.contextValue as GatewayContext;
    const execute = () =>
      apollo.executeOperation(
        { query: args.document, variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
        { contextValue: context },
      );
    const response = await runInSpan(traces.get(context), execute);
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not offered over WebSocket');
    return context.takeResults() ?? (response.body.singleResult as ExecutionResult);
  }

  // A session that ends (a logout, a revocation, on any process) closes its sockets, and the subscriptions running on them.
  const sockets = new SessionSockets();
  const stopListening = services.sessions.onEnded((sessionId) => sockets.close(sessionId, SESSION_ENDED, 'session ended: sign in again'));

  // ws refuses a larger message as it arrives (close code 1009), before buffering or parsing it.
  // It takes the HTTP server's upgrades, not its errors: a busy PORT is the gateway's to report.
  const wss = new WebSocketServer({ noServer: true, path: options.path, maxPayload: services.config.limits.bodyBytes });
  const upgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  options.server.on('upgrade', upgrade);
  const server = useServer<ConnectionParams, Connection['extra']>(
    {
      schema,
      execute: run,
      subscribe: run,
      // A credential that is present but bad closes the socket with 4403; none is anonymous.
      async onConnect(connection) {
        return createRequestContext(services, credentialsOf(connection)).then(
          ({ principal }) => {
            if (principal?.kind === 'user') sockets.add(principal.sessionId, connection.extra.socket);
            return true;
          },
          () => false,
        );
      },
      async onSubscribe(connection, id, payload) {
        const document = parsed(payload.query);
        if (document instanceof GraphQLError) return [document];
        const operationName = payload.operationName ?? undefined;
        const variables = payload.variables ?? undefined;
        const operation = getOperationAST(document, operationName);
        if (!operation) return [unresolvedOperation(document, operationName)];
        const trace = startOperationTrace();
        try {
          const signsIn = () => onlySignsIn(schema, document, operationName);
          const credentials = { ...credentialsOf(connection), signsIn };
          const contextValue = await runInSpan(trace, () => createRequestContext(services, credentials));
          const subscription = operation.operation === 'subscription';
          operationsOf(connection).set(id, { context: contextValue, startedAt: process.hrtime.bigint(), subscription, trace });
          if (trace) traces.set(contextValue, trace);
          return { schema, document, contextValue, operationName, variableValues: variables };
        } catch (error) {
          trace?.end(errorTypeOf(error));
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error', { originalError: error as Error })];
        }
      },
      onNext: (_connection, _id, _payload, _args, result) => (result.errors ? { ...result, errors: mask(result.errors) } : undefined),
      // A subscription ended by an error (its caller's access ended): its log line and metrics say so.
      onError: (connection, id, _payload, errors) => {
        const masked = mask(errors);
        operationsOf(connection).get(id)?.context.outcome.errorCodes.push(...masked.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
        return masked;
      },
      onComplete: (connection, id) => release(connection, id),
      // Operations still running when the socket went (a query mid-flight) give their lease back too.
      onClose: (connection) => {
        for (const id of operationsOf(connection).keys()) release(connection, id);
        sockets.remove(connection.extra.socket);
      },
    },
    wss,
  );
  // graphql-ws (above) prints a socket's errors with console.error, not as a log line. They are
  // a client breaking the protocol (a message over MAX_BODY_BYTES, a malformed frame), and ws
  // has closed the socket already, with the code that says which: a warning is all it takes.
  // This listener comes after graphql-ws's, so the socket's error listener it finds is that one.
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: NodeJS.ErrnoException) =>
      services.log.warn(
        { code: error.code, reason: error.message },
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'a WebSocket message over MAX_BODY_BYTES closed its socket (1009)' : 'a WebSocket client broke the protocol: its socket was closed',
      ),
    );
  });
  return {
    async close() {
      stopListening();
      options.server.off('upgrade', upgrade);
      await server.dispose();
    },
  };
}
