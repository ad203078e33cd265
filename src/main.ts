// `npm start`: a PostgreSQL (yours, or an embedded one), the platform migrated, the
// demo tenants provisioned, and the gateway listening.
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createServices } from './createServices';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embeddedPostgres';
import { preparePlatformDatabase } from './db/platformDatabase';
import { redactUrl, withDatabase } from './db/urls';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins } from './demo/demoData';
import { ensureDemo } from './demo/seedDemo';
import { startJobWorker } from './provisioning/jobs/jobWorker';
import { createLogger } from './logger';
import { startGateway } from './server/gateway';

function banner(url: string, demo: boolean, graphiql: boolean): string {
  const lines = ['', `  tenantgraph is serving GraphQL at ${url}`];
  if (graphiql) lines.push(`  Open ${url} in a browser for the GraphiQL explorer.`);
  if (demo) {
    lines.push('', `  Demo logins (password ${DEMO_PASSWORD}):`, `    ${PLATFORM_ADMIN_EMAIL.padEnd(28)} platform admin`);
    for (const t of DEMO_TENANTS) {
      const { owner, member } = demoLogins(t.slug);
      lines.push(`    ${owner.padEnd(28)} OWNER of ${t.slug} (${t.name})`, `    ${member.padEnd(28)} MEMBER of ${t.slug}`);
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

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  let embedded: EmbeddedPostgres | undefined;
  let platformUrl = config.databaseUrl;
  if (!platformUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
    platformUrl = withDatabase(embedded.url, 'tenantgraph');
    log.info({ dataDir: config.dataDir, database: redactUrl(platformUrl) }, 'using the embedded PostgreSQL (set DATABASE_URL to use your own)');
  }
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(config, { platformUrl, log });
  await startJobWorker(services, platformUrl); // it registers with services.shutdown
  if (config.demo) await ensureDemo(services);
  const gateway = await startGateway(services, { port: config.port, host: config.host });
  process.stdout.write(banner(gateway.url, config.demo, config.graphiql));

  if (embedded) services.shutdown.add('stop-databases', 'embedded PostgreSQL', () => embedded.stop());
  // The first SIGTERM (or Ctrl-C) drains; a second one means "now".
  const stop = async (signal: string) => {
    if (services.shutdown.started) process.exit(1);
    log.info({ signal, deadlineSeconds: config.shutdownTimeoutMs / 1000 }, 'shutting down');
    const { failed, timedOut } = await services.shutdown.run(config.shutdownTimeoutMs);
    log.info({ failed, timedOut }, 'stopped');
    process.exit(failed.length ? 1 : 0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A configuration mistake is the user's to fix: say what, without a stack.
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `tenantgraph failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
