// `npm run db -- <command>`: the platform database and every tenant database,
// from one command. Each run ends with a summary, and exits 1 when anything
// failed (naming it), 2 when it refused to run.
import 'reflect-metadata';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { clearSeeds } from './db/commands/clearSeeds';
import { seed } from './db/commands/seed';
import { migrate } from './db/commands/migrate';
import { reset } from './db/commands/reset';
import { status } from './db/commands/status';
import { testConnection } from './db/commands/testConnection';
import { verify } from './db/commands/verify';
import { openDbContext, type DbContext } from './db/dbContext';
import { RefusedError } from './db/refused';
import { summarize, type Outcome } from './db/summary';
import { failureText } from './db/tasks';

const USAGE = `usage: npm run db -- <command> [--concurrency N] [--force]

  migrate          apply migrations: the platform database, then every ACTIVE or SUSPENDED tenant
  status           a table of tenants: isolation, where each lives, applied/pending migrations, health
  verify           check that every serving tenant's schema matches its migrations
  seed             write missing seed data: plans, tenant defaults, and the demo tenants when DEMO is on
  clear-seeds      remove the demo tenants and demo logins (and nothing else)
  reset --force    drop every tenant database and the platform database, then migrate again (never in production)
  test-connection  reach the platform database, every tenant database server, and Redis when configured

  --concurrency N  tenants worked on at once (default: DB_CONCURRENCY, 4)
  --force          required by reset

It reads the same settings as the gateway (DATABASE_URL, TENANT_SERVERS, REDIS_URL, ...).
`;

type Command = (ctx: DbContext, options: { concurrency: number; force: boolean }) => Promise<Outcome>;

const COMMANDS: Record<string, Command> = {
  migrate: (ctx, o) => migrate(ctx, o.concurrency),
  status: (ctx, o) => status(ctx, o.concurrency),
  verify: (ctx, o) => verify(ctx, o.concurrency),
  seed: (ctx, o) => seed(ctx, o.concurrency),
  'clear-seeds': (ctx) => clearSeeds(ctx),
  reset: (ctx, o) => reset(ctx, o),
  'test-connection': (ctx) => testConnection(ctx),
};

function commandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new RefusedError(`${(error as Error).message}\n\n${USAGE.trimEnd()}`);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = commandLine();
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [name] = positionals;
  // Object.hasOwn: "constructor" and the like are not commands.
  const command = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new RefusedError(`${name ? `unknown command "${name}"` : 'no command given'}\n\n${USAGE.trimEnd()}`);
  const config = loadConfig();
  const concurrency = values.concurrency ? Number(values.concurrency) : config.dbConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RefusedError('--concurrency must be a whole number of at least 1');
  const ctx = await openDbContext(config);
  try {
    const { text, failed } = summarize(name, await command(ctx, { concurrency, force: values.force }));
    process.stdout.write(text);
    return failed ? 1 : 0;
  } finally {
    await ctx.close();
  }
}

// Ctrl-C ends a command through process.exit, with the shell's code for it, so that an
// embedded server it started is stopped on the way out (postgresProcess.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(128 + constants.signals[signal]));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof RefusedError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`db failed: ${failureText(error)}\n`);
    process.exit(1);
  },
);
