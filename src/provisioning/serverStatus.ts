// Each configured database server as an operator sees it: its tenants, the gateway's
// connections to it (this process's pool, through its pooler when it has one)
// against the pool's cap, how often requests waited for one or gave up waiting, and
// whether it (and its pooler) answers now. Never its URL: that holds a password.
import type { Engine } from '../engine';
import type { Services } from '../services';
import { serverAnswers } from './reachableServers';

export interface ServerStatus {
  name: string;
  engine: Engine;
  pooled: boolean;
  tenants: number;
  openConnections: number;
  idleConnections: number;
  maxConnections: number;
  waiting: number;
  waits: number;
  timeouts: number;
  reachable: boolean;
  /** Whether the pooler in front of it answers; null when it has none. */
  poolerReachable: boolean | null;
}

export async function serverStatuses(services: Pick<Services, 'servers' | 'pool' | 'platform' | 'config'>): Promise<ServerStatus[]> {
  const names = services.servers.names();
  const timeout = services.config.tenantPool.connectTimeoutMs;
  const answers = (url: (name: string) => string | null) =>
    Promise.all(names.map((name) => (url(name) === null ? null : serverAnswers(services.servers.engineOf(name), url(name)!, timeout))));
  const [counts, serverUp, poolerUp] = await Promise.all([
    // Archived tenants keep their data until their DROP job: they count until then.
    services.platform.tenant.groupBy({ by: ['server'], _count: true, where: { externalUrlCipher: null, databaseName: { not: null } } }),
    answers((name) => services.servers.url(name)),
    answers((name) => (services.servers.requestUrl(name).pooled ? services.servers.requestUrl(name).url : null)),
  ]);
  const tenants = new Map(counts.map((c) => [c.server, c._count]));
  const pools = services.pool.servers.stats();
  return names.map((name, i) => {
    const ofServer = pools.filter((p) => p.server === name);
    const sum = (pick: (p: (typeof pools)[number]) => number) => ofServer.reduce((n, p) => n + pick(p), 0);
    return {
      name,
      engine: services.servers.engineOf(name),
      pooled: services.servers.requestUrl(name).pooled,
      tenants: tenants.get(name) ?? 0,
      openConnections: sum((p) => p.open),
      idleConnections: sum((p) => p.idle),
      maxConnections: ofServer.length ? sum((p) => p.cap) : services.config.tenantPool.connectionsPerServer,
      waiting: sum((p) => p.waiting),
      waits: sum((p) => p.waits),
      timeouts: sum((p) => p.timeouts),
      reachable: serverUp[i]!,
      poolerReachable: poolerUp[i],
    };
  });
}
