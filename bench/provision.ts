// `npm run bench:provision`: how long a tenant takes from createTenant to ACTIVE,
// through the real API (HTTP for the mutation, graphql-ws for the progress), on the
// template path and on the migrations path. 20 tenants each, one after another,
// after one warm-up tenant (on the template path it builds the template).
//
// PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { withDatabase } from '../src/db/urls';
import { createLogger } from '../src/logger';
import { startJobWorker } from '../src/provisioning/jobs/jobWorker';
import { startGateway } from '../src/server/gateway';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { describeMachine, printTable } from './machine';
import { post, provisionOne, wsClient } from './provisionOverApi';

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
  const prefix = `tgbench${randomBytes(3).toString('hex')}_`;
  const platformUrl = withDatabase(serverUrl, `${prefix}platform`);
  const config = loadConfig({
    NODE_ENV: 'bench',
    DATABASE_URL: platformUrl,
    TENANT_DB_PREFIX: prefix,
    SHARED_SCHEMA_DATABASE: `${prefix}shared`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DEMO: 'false',
    TENANT_TEMPLATES: String(path.templates),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const log = createLogger(config.logLevel);
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(config, { platformUrl, log });
  const worker = await startJobWorker(services, platformUrl);
  const gateway = await startGateway(services, { port: 0, host: '127.0.0.1' });
  const { signUp } = await post(gateway.url, 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { email: `bench@${prefix.slice(0, -1)}.test`, password: 'bench-password', name: 'Bench' },
  });
  const client = wsClient(gateway.url, signUp.token);
  try {
    const warmup = await provisionOne(gateway.url, client, signUp.token, { slug: 'warm-up' });
    const times: number[] = [];
    for (let i = 1; i <= TENANTS; i++) times.push(await provisionOne(gateway.url, client, signUp.token, { slug: `bench-${i}` }));
    return { warmup, times };
  } finally {
    await client.dispose();
    await gateway.close();
    await worker.stop();
    await closeServices(services);
    await dropBenchDatabases(serverUrl, prefix);
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
