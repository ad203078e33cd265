// A MySQL tenant whose gateway process is killed in the middle of its migration,
// again and again, is finished by the processes that replace it. MySQL commits each
// DDL statement by itself and the server finishes a statement whose client is gone,
// so each kill here leaves a statement applied that the migration never counted: a
// CREATE TABLE and an ADD FOREIGN KEY (MariaDB: errno 121) of the first migration, and
// a CREATE TABLE of a later one. The process that takes the job over runs that statement first,
// finds its work done, and carries on.
//
// The job is stopped at a known statement without test-only code in the gateway: it
// pauses at a table's progress report while the test holds the job's row, and at
// the count of the statement after it while the test holds its migration's row.
import pg from 'pg';
import { tenantStorageName } from '../../src/db/identifiers';
import { loadMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { tenantSchemaProblems } from '../../src/provisioning/verifyTenantSchema';
import { testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import {
  holdJobRow,
  holdMysqlMigrationLock,
  holdRunningMigration,
  jobUpdateIsWaiting,
  killMysqlSession,
  mysqlSessionRunning,
  type HeldLock,
} from '../support/jobBlockers';
import { dropMysqlDatabasesStartingWith } from '../../src/db/dropDatabases';
import { MYSQL_SKIPPED, MYSQL_URL } from '../support/mysqlDatabase';
import { JOB } from '../support/provisioning';

const dbs = testDatabases();
const mysqlUrl = MYSQL_URL ?? '';
const env = {
  ...processEnv(dbs),
  TENANT_SERVERS: `main=${dbs.serverUrl},mysql=${mysqlUrl}`,
  REDIS_URL: '',
  JOB_STALE_SECONDS: '3',
  JOB_MAX_ATTEMPTS: '5',
};
const slug = 'phoenix';
const database = tenantStorageName(dbs.prefix, slug);
const migrations = loadMigrations('tenant-mysql').migrations;
const named = (suffix: string) => migrations.find((m) => m.name.endsWith(suffix))!;

let runner: GatewayProcess;
let token: string;
let jobId: string;
/** The job's row, held while the job waits at a progress report. */
let jobRow: HeldLock;

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(runner.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const job = async () => (await post(JOB, { id: jobId })).data.provisioningJob;

/** The job's row straight from the platform database (the runner may be dead). */
async function jobRowNow(): Promise<{ status: string; error: string | null }> {
  const client = new pg.Client({ connectionString: dbs.platformUrl });
  await client.connect();
  try {
    return (await client.query('SELECT status, error FROM "ProvisioningJob" WHERE id = $1', [jobId])).rows[0];
  } finally {
    await client.end();
  }
}

/** Waits for what `check` finds, failing at once with the job's error if an attempt of it failed. */
function untilMigrator<T>(check: () => Promise<T | null | false>): Promise<T> {
  return eventually(async () => {
    const found = await check();
    if (found) return found;
    const { status, error } = await jobRowNow();
    if (error) throw new Error(`the job is ${status}: ${error}`);
    return null;
  });
}

const countWaiting = () => mysqlSessionRunning(mysqlUrl, database, 'UPDATE _prisma_migrations');

/** Lets the job, waiting at a table's report, run on to the next report. */
async function nextReport() {
  const row = await holdRunningMigration(mysqlUrl, database);
  await jobRow.release();
  await untilMigrator(countWaiting);
  jobRow = await holdJobRow(dbs.platformUrl, jobId);
  await row.release();
  await untilMigrator(() => jobUpdateIsWaiting(dbs.platformUrl));
}

/**
 * Lets the job run on from its reports until `counted` statements of `migration` are
 * counted (a CREATE TABLE's report), then kills its process right after the next
 * statement, before that one is counted.
 */
async function killAfter(migration: string, counted: number) {
  for (;;) {
    const row = await holdRunningMigration(mysqlUrl, database);
    if (row.migration === migration && row.counted === counted) {
      await jobRow.release();
      const session = await untilMigrator(countWaiting);
      runner.child.kill('SIGKILL');
      expect(await runner.exited).toBe('SIGKILL');
      // The server runs what it was sent: here, the count of a statement the dead process never sent.
      await killMysqlSession(mysqlUrl, session);
      await row.release();
      return;
    }
    await row.release();
    await nextReport();
  }
}

/** A new process to run jobs; with `pause`, its migration waits at its first report. */
async function replaceRunner({ pause }: { pause: boolean }) {
  const migrationLock = await holdMysqlMigrationLock(mysqlUrl, database);
  runner = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
  // It takes the dead process's job over and waits for the migration lock.
  await eventually(() => mysqlSessionRunning(mysqlUrl, database, 'SELECT GET_LOCK'), 60_000);
  if (pause) jobRow = await holdJobRow(dbs.platformUrl, jobId);
  await migrationLock.release();
  if (pause) await untilMigrator(() => jobUpdateIsWaiting(dbs.platformUrl));
}

if (!MYSQL_URL) {
  test.skip(MYSQL_SKIPPED, () => {});
} else {
  beforeAll(async () => {
    runner = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
    const signUp = await post('mutation { signUp(input: { email: "ops@example.com", password: "long enough", name: "Ops" }) { token } }');
    token = signUp.data.signUp.token;
  }, 120_000);

  afterAll(async () => {
    await jobRow?.release().catch(() => {});
    expect(await runner?.stop()).toBe(0);
    await dbs.drop();
    await dropMysqlDatabasesStartingWith(mysqlUrl, dbs.prefix);
  });

  test('killed three times mid-migration, after a statement it had not counted yet, the tenant still becomes ACTIVE', async () => {
    const init = named('_init');
    const orders = named('_orders_and_discounts');
    const statementAt = (m: typeof init, i: number) => m.statements[i].replace(/^(--[^\n]*\n)*/, '').split('\n')[0];
    // The kills: after CREATE TABLE BomComponent (the third table), after the first
    // ADD FOREIGN KEY (every table made), and after CREATE TABLE OrderItem.
    expect([statementAt(init, 2), statementAt(init, 15), statementAt(orders, 2)]).toEqual([
      'CREATE TABLE `BomComponent` (',
      expect.stringMatching(/^ALTER TABLE `Category` ADD CONSTRAINT .* FOREIGN KEY/),
      'CREATE TABLE `OrderItem` (',
    ]);

    const migrationLock = await holdMysqlMigrationLock(mysqlUrl, database);
    const created = await post('mutation($input: CreateTenantInput!) { createTenant(input: $input) { job { id } } }', { input: { slug, name: slug, engine: 'MYSQL' } });
    jobId = created.data.createTenant.job.id;
    await eventually(() => mysqlSessionRunning(mysqlUrl, database, 'SELECT GET_LOCK'));
    jobRow = await holdJobRow(dbs.platformUrl, jobId);
    await migrationLock.release();
    await untilMigrator(() => jobUpdateIsWaiting(dbs.platformUrl));

    await killAfter(init.name, 2); // Product created: the kill leaves BomComponent made, uncounted
    await replaceRunner({ pause: true });
    await killAfter(init.name, 15); // Counter, the last table, created: the kill leaves the first foreign key
    await replaceRunner({ pause: true });
    await killAfter(orders.name, 2); // Order created: the kill leaves OrderItem
    await replaceRunner({ pause: false });

    const finished = await eventually(async () => {
      const { status } = await jobRowNow();
      return status === 'SUCCEEDED' || status === 'FAILED' ? job() : null;
    }, 60_000);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempts: 4, error: null, tenant: { status: 'ACTIVE' } });

    // Every migration recorded once and finished, every table and foreign key there once.
    await withMysql(withDatabase(mysqlUrl, database), async (sql) => {
      expect(await tenantSchemaProblems(sql)).toEqual({ pending: [], modified: [], failed: [], missingTables: [] });
      const history = await sql.query<{ name: string; logs: string | null; steps: number }>(
        'SELECT migration_name AS name, logs, applied_steps_count AS steps FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY started_at',
      );
      expect(history).toEqual(migrations.map((m) => ({ name: m.name, logs: null, steps: 1 })));
      const [{ n }] = await sql.query<{ n: number }>('SELECT COUNT(*) AS n FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()');
      expect(Number(n)).toBe(migrations.flatMap((m) => m.statements).filter((s) => /FOREIGN KEY/.test(s)).length);
    });
    const products = await post('{ products { totalCount } }', {}, { 'x-tenant': slug });
    expect(products).toEqual({ data: { products: { totalCount: 0 } } });
  }, 240_000);
}
