// Liveness and readiness for load balancers and orchestrators.
import type { ServerResponse } from 'node:http';
import type { Services } from '../services';
import type { RouteHandler } from './httpServer';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The process is up and answering. */
export const healthz: RouteHandler = (_req, res) => send(res, 200, { status: 'ok' });

/** The process can serve: its platform database answers. */
export function readyz(services: Services): RouteHandler {
  return async (_req, res) => {
    const checks: Record<string, string> = {};
    checks.platformDatabase = await services.platform.$queryRaw`SELECT 1`.then(
      () => 'ok',
      () => 'unreachable',
    );
    const ready = Object.values(checks).every((c) => c === 'ok');
    send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
  };
}
