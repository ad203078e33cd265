// Wires the transports to the services: one HTTP server carrying GraphQL (and,
// on the same port, WebSockets), health checks and the explorer.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gatewaySchema } from '../schema/buildSchema';
import type { Services } from '../services';
import { startApollo } from './apollo';
import { auditPlugin } from './auditPlugin';
import { healthz, readyz } from './health';
import { createHttpServer } from './httpServer';
import { meteringPlugin } from './meteringPlugin';
import { createRequestContext } from './requestContext';
import { attachWebSocketServer } from './webSocket';

export interface RunningGateway {
  /** http://host:port/graphql */
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export async function startGateway(services: Services, listen: { port: number; host: string }): Promise<RunningGateway> {
  const { config, log } = services;
  const schema = gatewaySchema();
  const introspection = config.graphiql || !config.production;
  const apollo = await startApollo({
    schema,
    limits: config.limits,
    introspection,
    log,
    plugins: [meteringPlugin(services.usage), auditPlugin(services.platform, log)],
  });
  const server = createHttpServer({
    apollo,
    createContext: (credentials) => createRequestContext(services, credentials),
    maxBodyBytes: config.limits.bodyBytes,
    log,
    routes: { '/healthz': healthz, '/readyz': readyz(services) },
  });
  const webSocket = attachWebSocketServer({ server, path: '/graphql', schema, apollo, services, introspection });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    async close() {
      // Sockets first: an open WebSocket would keep server.close() waiting.
      await webSocket.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
