// `npm run bench:provision`: how long a tenant takes from createTenant to ACTIVE,
// through the real API (HTTP for the mutation, graphql-ws for the progress), on the
// template path and on the migrations path. 20 tenants each, one after another,
// after one warm-up tenant (on the template path it builds the template).
//
// PostgreSQL: see bench/benchServer.ts.
import { runBenchmark } from './benchServer';
import { startInProcessGateway } from './inProcessGateway';
import { describeMachine, printTable } from './machine';
import { provisionOne } from './provisionOverApi';

const TENANTS = 20;

interface Path {
  name: string;
  templates: boolean;
}

const PATHS: Path[] = [
  { name: 'template', templates: true },
  { name: 'migrations', templates: false },
];

async function runPath(serverUrl: string, path: Path): Promise<{ warmup: number; times: number[] }> {
  const gateway = await startInProcessGateway(serverUrl, { TENANT_TEMPLATES: String(path.templates) });
  try {
    const warmup = await provisionOne(gateway.url, gateway.client, gateway.token, { slug: 'warm-up' });
    const times: number[] = [];
    for (let i = 1; i <= TENANTS; i++) times.push(await provisionOne(gateway.url, gateway.client, gateway.token, { slug: `bench-${i}` }));
    return { warmup, times };
  } finally {
    await gateway.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

runBenchmark(async (serverUrl) => {
  console.log(await describeMachine(serverUrl));
  console.log(`createTenant -> ACTIVE (job SUCCEEDED), ${TENANTS} tenants per path, one at a time, after one warm-up tenant\n`);
  const rows: Array<Array<string | number>> = [];
  for (const p of PATHS) {
    const { warmup, times } = await runPath(serverUrl, p);
    const sorted = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    rows.push([p.name, ...[percentile(sorted, 50), percentile(sorted, 95), sorted.at(-1)!, mean, warmup].map((ms) => ms.toFixed(0))]);
  }
  printTable(['path', 'p50 ms', 'p95 ms', 'max ms', 'mean ms', 'warm-up ms'], rows);
});
