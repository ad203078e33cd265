// `npm run db -- <command>`: the platform database and every tenant database,
// from one command. Each run ends with a summary, and exits 1 when anything
// failed (naming it), 2 when it refused to run.
import 'reflect-metadata';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { clearSeeds } from './db/commands/clearSeeds';
import { seed } from './db/commands/seed';
import { migrate, type MigrateOptions } from './db/commands/migrate';
import { reset } from './db/commands/reset';
import { status } from './db/commands/status';
import { testConnection } from './db/commands/testConnection';
import { verify } from './db/commands/verify';
import { openDbContext, type DbContext } from './db/dbContext';
import { RefusedError } from './db/refused';
import { summarize, type Outcome } from './db/summary';
import { failureText } from './db/tasks';

const USAGE = `usage: npm run db -- <command> [--concurrency N] [--force] [--canary SLUG,...] [--max-failures N] [--resume]

  migrate          apply migrations: the platform database, then a rollout of every tenant behind this release
  status           a table of tenants: isolation, where each lives, schema version, applied/pending migrations, health; then the versions across the fleet
  verify           check that every serving tenant's schema matches its migrations
  seed             write missing seed data: plans, tenant defaults, and the demo tenants when DEMO is on
  clear-seeds      remove the demo tenants and demo logins (and nothing else)
  reset --force    drop every tenant database and the platform database, then migrate again (never in production)
  test-connection  reach the platform database, every tenant database server, and Redis when configured

  --concurrency N  tenants worked on at once (migrate: per database server; default: DB_CONCURRENCY, 4)
  --force          required by reset
  --canary S,...   migrate: these tenants first, as a cohort of their own, then the rest
  --max-failures N migrate: failed tenants tolerated before the rollout halts (default 0)
  --resume         migrate: take the halted rollout up again (its failed and skipped tenants first)

It reads the same settings as the gateway (DATABASE_URL, TENANT_SERVERS, REDIS_URL, ...).
`;

type Options = MigrateOptions & { force: boolean };
type Command = (ctx: DbContext, options: Options) => Promise<Outcome>;

const COMMANDS: Record<string, Command> = {
  migrate: (ctx, o) => migrate(ctx, o),
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
      options: {
        force: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        canary: { type: 'string' },
        'max-failures': { type: 'string' },
        resume: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
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
  const maxFailures = Number(values['max-failures'] ?? 0);
  if (!Number.isInteger(maxFailures) || maxFailures < 0) throw new RefusedError('--max-failures must be a whole number, 0 or more');
  const canary = values.canary ? values.canary.split(',').map((slug) => slug.trim()).filter(Boolean) : [];
  const ctx = await openDbContext(config);
  try {
    const { text, failed } = summarize(name, await command(ctx, { concurrency, force: values.force, maxFailures, canary, resume: values.resume }));
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
