// Liveness, readiness and metrics for load balancers, orchestrators and Prometheus.
import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Services } from '../services';
import type { RouteHandler } from './httpServer';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const CHECK_TIMEOUT_MS = 2000;

/** "ok" when `check` settles in time, else "unreachable". Never throws. */
async function probe(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('unreachable'), CHECK_TIMEOUT_MS)));
  const outcome = check().then(
    () => 'ok',
    () => 'unreachable',
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The process is up and answering. */
export const healthz: RouteHandler = (_req, res) => send(res, 200, { status: 'ok' });

/**
 * The process can serve: its platform database answers. 503 otherwise, and from the
 * moment a shutdown starts, so a load balancer stops sending before the listener
 * closes. Redis (when REDIS_URL is set) is reported, not required: without it the
 * gateway serves on, and a Redis outage failing every instance's readiness at once
 * would take them all out of the balancer.
 */
export function readyz(services: Services, redisPing?: () => Promise<unknown>): RouteHandler {
  return async (_req, res) => {
    if (services.shutdown.started) return send(res, 503, { status: 'shutting down', checks: {} });
    const checks: Record<string, string> = {};
    const [platform, redis] = await Promise.all([
      probe(() => services.platform.$queryRaw`SELECT 1`),
      redisPing ? probe(redisPing) : undefined,
    ]);
    checks.platformDatabase = platform;
    if (redis) checks.redis = redis;
    const ready = platform === 'ok';
    send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
  };
}

/**
 * Prometheus exposition; when METRICS_TOKEN is set, only for `Authorization: Bearer <it>`.
 * In production without a token it answers no one: the metrics name tenants and
 * operations, and the port is usually reachable by every client.
 */
export function metricsRoute(services: Services): RouteHandler {
  const { metrics, config, log } = services;
  const closed = config.production && !config.metricsToken;
  if (closed) log.warn('/metrics is closed: set METRICS_TOKEN to scrape it in production');
  const expected = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : undefined;
  const allowed = (authorization = '') => {
    const given = Buffer.from(authorization);
    return !expected || (given.length === expected.length && timingSafeEqual(given, expected));
  };
  return async (req, res) => {
    if (closed) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('/metrics is closed in production until METRICS_TOKEN is set\n');
      return;
    }
    if (!allowed(req.headers.authorization)) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
      res.end('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    const body = await metrics.render();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
    res.end(body);
  };
}
