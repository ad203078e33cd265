// Wires the transports to the services: one HTTP server carrying GraphQL (and,
// on the same port, WebSockets), health checks, metrics, the explorer and the console.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../config';
import { spansEnabled } from '../observability/spans';
import { gatewaySchema } from '../schema/buildSchema';
import type { Services } from '../services';
import { startApollo } from './apollo';
import { archiveDownload } from './archiveDownload';
import { archiveUpload } from './archiveUpload';
import { auditPlugin } from './auditPlugin';
import { clientErrorFormatter } from './clientErrors';
import { corsHandler } from './cors';
import { drainHttp } from './drainHttp';
import { consoleRoutes } from './console/consoleRoutes';
import { explorerRoutes } from './explorer/explorerRoutes';
import { healthz, metricsRoute, readyz } from './health';
import { createHttpServer } from './httpServer';
import { meteringPlugin } from './meteringPlugin';
import { operationTracePlugin } from './operationTrace';
import { outboxNudgePlugin } from './outboxNudgePlugin';
import { createRedisProbe } from './redisProbe';
import { createRequestContext } from './requestContext';
import { outcomePlugin, reportRequests } from './requestObserver';
import { bodyOnlySignsIn } from './signInOperations';
import { attachWebSocketServer } from './webSocket';
import { outboxRelay } from '../webhooks/outboxRelay';

export interface RunningGateway {
  /** http://host:port/graphql */
  url: string;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish (up to SHUTDOWN_TIMEOUT_SECONDS), stops Apollo. */
  close(): Promise<void>;
}

/** Why the port could not be had, naming the setting that changes it. */
function listenFailure(error: NodeJS.ErrnoException, { port, host }: { port: number; host: string }): Error {
  if (error.code === 'EADDRINUSE') return new ConfigError(`PORT ${port} is in use by another program on ${host}: stop it, or set PORT to a free port`);
  if (error.code === 'EACCES') return new ConfigError(`PORT ${port} needs privileges this process does not have: set PORT to 1024 or above`);
  if (error.code === 'EADDRNOTAVAIL') return new ConfigError(`HOST ${host} is not an address of this machine: set HOST to one (0.0.0.0 for all)`);
  return error;
}

export async function startGateway(services: Services, listen: { port: number; host: string }): Promise<RunningGateway> {
  const { config, log, shutdown } = services;
  const schema = gatewaySchema();
  const introspection = config.graphiql || !config.production;
  const formatError = clientErrorFormatter({ hideSuggestions: config.production });
  const apollo = await startApollo({
    schema,
    limits: config.limits,
    introspection,
    formatError,
    plugins: [
      meteringPlugin(services.usage),
      auditPlugin(services.platform, log),
      outcomePlugin(),
      outboxNudgePlugin(outboxRelay(services)),
      ...(spansEnabled() ? [operationTracePlugin(config.traceDocuments)] : []),
    ],
  });
  const redis = config.redisUrl ? createRedisProbe(config.redisUrl, log) : undefined;
  const explorer = config.graphiql ? explorerRoutes({ demo: config.demo, endpoint: '/graphql' }) : undefined;
  const server = createHttpServer({
    apollo,
    createContext: (credentials, body) => createRequestContext(services, { ...credentials, signsIn: () => bodyOnlySignsIn(schema, body) }),
    maxBodyBytes: config.limits.bodyBytes,
    log,
    routes: {
      '/healthz': healthz,
      '/readyz': readyz(services, redis?.ping),
      '/metrics': metricsRoute(services),
      '/exports/': archiveDownload(services),
      ...explorer?.routes,
      ...(config.console ? consoleRoutes({ demo: config.demo, endpoint: '/graphql' }) : {}),
    },
    postRoutes: { '/exports': archiveUpload(services) },
    browserPage: explorer?.page,
    onAnswered: reportRequests(services),
    cors: corsHandler(config.corsOrigins),
  });
  const webSocket = attachWebSocketServer({ server, path: '/graphql', schema, apollo, services, formatError });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenFailure(error, listen)));
    server.listen(listen.port, listen.host, () => resolve());
  });

  const http = drainHttp(server);
  let stopped: Promise<void> | undefined;
  const stop = (deadline: AbortSignal) =>
    (stopped ??= (async () => {
      // WebSockets close with 1001 (going away) at once: an open one would keep the HTTP drain waiting.
      await Promise.all([webSocket.close(), http.drain(deadline)]);
      await apollo.stop();
      await redis?.close();
    })());
  shutdown.add('stop-accepting', 'http listener', () => http.stopAccepting());
  shutdown.add('drain', 'http requests and websockets', stop);

  const { port } = server.address() as AddressInfo;
  const host = listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    close: () => stop(AbortSignal.timeout(config.shutdownTimeoutMs)),
  };
}
