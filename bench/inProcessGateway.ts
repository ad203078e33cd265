// A gateway in the benchmark's own process, on a platform of its own on the bench
// server (every database named with a fresh prefix), with a job worker and one signed-up
// user, followed over graphql-ws: what the provisioning and portability benchmarks drive
// through the API. `close` drops everything it made.
import 'reflect-metadata';
import type { Client } from 'graphql-ws';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { createLogger } from '../src/logger';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { startJobWorker } from '../src/provisioning/jobs/jobWorker';
import { startGateway } from '../src/server/gateway';
import type { Services } from '../src/services';
import { dropBenchDatabases } from './benchServer';
import { productionGateway } from './processes';
import { post, wsClient } from './provisionOverApi';

export interface InProcessGateway {
  url: string;
  services: Services;
  prefix: string;
  /** The signed-up user's access token, and a graphql-ws client signed in with it. */
  token: string;
  client: Client;
  close(): Promise<void>;
}

/** `env` adds to (or overrides) the settings of a bench gateway. */
export async function startInProcessGateway(serverUrl: string, env: Record<string, string> = {}): Promise<InProcessGateway> {
  // The settings of a production gateway of the benchmarks, in this process (no demo, not production unless `env` says so).
  const { prefix, platformUrl, env: settings } = productionGateway(serverUrl);
  const config = loadConfig({ ...settings, NODE_ENV: 'bench', DEMO: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });
  const log = createLogger(config.logLevel);
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(config, { platformUrl, log });
  const worker = await startJobWorker(services, platformUrl);
  const gateway = await startGateway(services, { port: 0, host: '127.0.0.1' });
  const { signUp } = await post(gateway.url, 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { email: `bench@${prefix.slice(0, -1)}.test`, password: 'bench-password', name: 'Bench' },
  });
  const client = wsClient(gateway.url, signUp.token);
  return {
    url: gateway.url,
    services,
    prefix,
    token: signUp.token,
    client,
    async close() {
      await client.dispose();
      await gateway.close();
      await worker.stop();
      await closeServices(services);
      await dropBenchDatabases(serverUrl, prefix);
    },
  };
}
