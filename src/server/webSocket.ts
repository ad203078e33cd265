// GraphQL over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on the HTTP
// server's port and path. It holds operations to what HTTP does: the same context
// (the token comes in the connection_init payload: { authorization: "Bearer <jwt>",
// tenant?: "<slug>" }), the same limits, the same error masking, and the tenant
// client goes back to the pool when each operation ends.
import type http from 'node:http';
import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../schema/context';
import type { Services } from '../services';
import { expectedError, formatClientError } from './clientErrors';
import { assertComplexity, limitRules } from './operationLimits';
import { createRequestContext, type RequestCredentials } from './requestContext';

export interface WebSocketOptions {
  server: http.Server;
  path: string;
  schema: GraphQLSchema;
  services: Services;
  introspection: boolean;
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

function credentialsOf(connection: Connection): RequestCredentials {
  const params = connection.connectionParams ?? {};
  return {
    authorization: text(params.authorization) ?? text(params.Authorization),
    tenant: text(params.tenant),
    host: connection.extra.request.headers.host,
  };
}

/** graphql-js leaves parse and validation errors without a code; Apollo gives them these. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

export function attachWebSocketServer(options: WebSocketOptions): RunningWebSocketServer {
  const { schema, services } = options;
  const { limits } = services.config;
  const rules = [...specifiedRules, ...limitRules(limits), ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  // Each connection's running operations, by id, so each one's context is released.
  const running = new WeakMap<object, Map<string, GatewayContext>>();
  const operationsOf = (connection: object) => {
    let operations = running.get(connection);
    if (!operations) running.set(connection, (operations = new Map()));
    return operations;
  };
  const release = (connection: object, id: string) => {
    operationsOf(connection).get(id)?.release();
    operationsOf(connection).delete(id);
  };
  const mask = (errors: readonly GraphQLError[]) =>
    errors.map((error) => {
      if (!expectedError(error)) services.log.error({ err: error.originalError ?? error }, 'unexpected error (websocket)');
      return formatClientError(error.toJSON(), error);
    });

  const wss = new WebSocketServer({ server: options.server, path: options.path });
  const server = useServer<ConnectionParams, Connection['extra']>(
    {
      schema,
      // A token that is present but bad closes the socket with 4403; no token is anonymous.
      async onConnect(connection) {
        return createRequestContext(services, credentialsOf(connection)).then(
          () => true,
          () => false,
        );
      },
      async onSubscribe(connection, id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        try {
          assertComplexity(schema, document, payload.variables ?? undefined, payload.operationName, limits.complexity);
          const contextValue = await createRequestContext(services, credentialsOf(connection));
          operationsOf(connection).set(id, contextValue);
          return { schema, document, contextValue, operationName: payload.operationName, variableValues: payload.variables };
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Internal server error', { originalError: error as Error })];
        }
      },
      onNext: (_connection, _id, _payload, _args, result) => (result.errors ? { ...result, errors: mask(result.errors) } : undefined),
      onError: (_connection, _id, _payload, errors) => mask(errors),
      onComplete: (connection, id) => release(connection, id),
      // Operations still running when the socket went (a query mid-flight) give their lease back too.
      onClose: (connection) => {
        for (const id of operationsOf(connection).keys()) release(connection, id);
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
    },
  };
}
