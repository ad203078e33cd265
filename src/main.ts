// `npm start`: a PostgreSQL (yours, or an embedded one), the platform migrated, the
// demo tenants provisioned, and the gateway listening.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, settingsHelp, type Config } from './config';
import { createServices } from './createServices';
import type { Services } from './services';
import { DataDirInUseError } from './db/dataDirLock';
import { startDataDirPostgres } from './db/embeddedPostgres';
import { preparePlatformDatabase } from './provisioning/platformDatabase';
import { reportSchemaDrift } from './provisioning/schemaVersions';
import { redactUrl, withDatabase } from './db/urls';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins } from './demo/demoData';
import { refuseDemoLogins } from './demo/refuseDemoLogins';
import { ensureDemo } from './demo/seedDemo';
import { startJobWorker } from './provisioning/jobs/jobWorker';
import { createLogger, type Logger } from './logger';
import { startTracing, type Tracing } from './observability/tracing';
import { startGateway } from './server/gateway';
import { announcePlansWritten } from './tenancy/tenantChanges';

function banner(url: string, demo: boolean, graphiql: boolean): string {
  const lines = ['', `  tenantgraph is serving GraphQL at ${url}`];
  if (graphiql) lines.push(`  Open ${url} in a browser for the GraphiQL explorer.`);
  if (demo) {
    lines.push('', `  Demo logins (password ${DEMO_PASSWORD}):`, `    ${PLATFORM_ADMIN_EMAIL.padEnd(28)} platform admin`);
    for (const t of DEMO_TENANTS) {
      const { owner, member, viewer } = demoLogins(t.slug);
      lines.push(`    ${owner.padEnd(28)} OWNER of ${t.slug} (${t.name})`, `    ${member.padEnd(28)} MEMBER of ${t.slug}`, `    ${viewer.padEnd(28)} VIEWER of ${t.slug}`);
    }
    const login = JSON.stringify({ query: `mutation { login(email: "admin@talanou.com", password: "${DEMO_PASSWORD}") { token } }` });
    const query = JSON.stringify({ query: '{ products(first: 3) { edges { node { sku name price } } } }' });
    lines.push(
      '',
      '  Try it:',
      `    TOKEN=$(curl -s ${url} -H 'content-type: application/json' -d '${login}' | sed -E 's/.*"token":"([^"]+)".*/\\1/') && \\`,
      `    curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -H 'x-tenant: talanou' -d '${query}'`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `npm start -- --help` asks for the settings; anything else on the command line is a mistake. */
function wantsHelp(): boolean {
  try {
    return parseArgs({ options: { help: { type: 'boolean', short: 'h' } } }).values.help === true;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}: npm start takes its settings from the environment (npm start -- --help lists them)`);
  }
}

/** DATA_DIR's embedded PostgreSQL, unless another gateway (or `npm run db`) runs it: that one must stay untouched. */
async function embeddedPlatform(config: Config, log: Logger) {
  const started = await startDataDirPostgres(config.dataDir, config.embeddedPgPort, 'gateway', log);
  if ('heldBy' in started) throw new DataDirInUseError(started.heldBy, config.dataDir);
  const url = withDatabase(started.server.url, 'tenantgraph');
  log.info({ dataDir: config.dataDir, database: redactUrl(url) }, 'using the embedded PostgreSQL (set DATABASE_URL to use your own)');
  return { url, stop: started.server.stop };
}

/** Everything `npm start` runs, in order; a start that fails stops what it had started. */
async function serve(config: Config, log: Logger, tracing: Tracing | undefined) {
  const embedded = config.databaseUrl ? undefined : await embeddedPlatform(config, log);
  let stopStarted = async () => embedded?.stop();
  try {
    const platformUrl = config.databaseUrl ?? embedded!.url;
    await preparePlatformDatabase(platformUrl, log);
    const services = createServices(config, { platformUrl, log });
    if (embedded) services.shutdown.add('stop-databases', 'embedded PostgreSQL', embedded.stop);
    if (tracing) services.shutdown.add('flush', 'traces', () => tracing.shutdown());
    stopStarted = async () => void (await services.shutdown.run(config.shutdownTimeoutMs));
    // preparePlatformDatabase wrote the plan catalogue: a release may have changed it under running gateways.
    await announcePlansWritten(services);
    if (config.production) await refuseDemoLogins(services);
    await startJobWorker(services, platformUrl); // it registers with services.shutdown
    // Existing tenants are never migrated by a start: their drift is logged, and a rollout brings them forward.
    void reportSchemaDrift(services).catch((err: unknown) => log.warn({ err }, 'could not read the fleet’s schema versions'));
    if (config.demo) await ensureDemo(services);
    const gateway = await startGateway(services, { port: config.port, host: config.host });
    process.stdout.write(banner(gateway.url, config.demo, config.graphiql));
    return services;
  } catch (error) {
    await stopStarted().catch(() => {});
    throw error;
  }
}

async function main() {
  if (wantsHelp()) return void process.stdout.write(settingsHelp());
  const config = loadConfig();
  // Before anything runs that should be traced; without OTEL_EXPORTER_OTLP_ENDPOINT nothing is started.
  const tracing = startTracing();
  const log = createLogger(config.logLevel);
  let services: Services | undefined;

  // The first SIGTERM (or Ctrl-C) drains; a second one means "now". One while starting
  // ends the start at once (the embedded server is stopped on the way out: postgresProcess.ts).
  const stop = async (signal: string) => {
    if (!services || services.shutdown.started) process.exit(1);
    log.info({ signal, deadlineSeconds: config.shutdownTimeoutMs / 1000 }, 'shutting down');
    const { failed, timedOut } = await services.shutdown.run(config.shutdownTimeoutMs);
    log.info({ failed, timedOut }, 'stopped');
    process.exit(failed.length ? 1 : 0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  services = await serve(config, log, tracing).catch((error: unknown) => {
    // From here every line is a JSON log line, a failure to start included; a
    // configuration mistake is the user's to fix: say what, without a stack.
    if (error instanceof ConfigError) log.fatal(error.message);
    else log.fatal({ err: error }, 'tenantgraph failed to start');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  // Before the logger exists (the settings are wrong, or --help is misused): one plain line.
  const text = error instanceof ConfigError ? error.message : `tenantgraph failed to start: ${error instanceof Error ? error.stack : String(error)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
