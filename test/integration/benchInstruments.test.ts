// The request benchmark's instruments, against a real PostgreSQL and pgbench: a
// server process's statements are logged only while logging is on, for the database
// asked about, and with their values written back in they find the same rows; the script
// of a request that creates rows runs again and again without colliding; and the
// CPU of a backend is counted for the connections that made it work.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cpuDuring } from '../../bench/cpuUse';
import type { LoggedStatement } from '../../bench/statementLog';
import { pgbenchRate, pgbenchScript, statementsOf, withValues } from '../../bench/statementsAlone';
import { withDatabase } from '../../src/db/urls';
import { onServer, testDatabases } from '../support/database';

const STATEMENT_LOG = path.resolve(__dirname, '../../dist/bench/statementLog.js');
const databases = testDatabases();
const database = `${databases.prefix}shop`;
const url = withDatabase(databases.serverUrl, database);
const work = mkdtempSync(path.join(tmpdir(), 'bench-instruments-'));
const log = path.join(work, 'statements.jsonl');
const clients: pg.Client[] = [];
let server: ChildProcess;

/**
 * A stand-in for a benchmarked server, with the statement log loaded as the bench loads
 * it: for each message it runs the statements it is sent ([url, text, values]) with pg.
 */
function startServer(): ChildProcess {
  const script = path.join(work, 'server.js');
  writeFileSync(
    script,
    `const pg = require(${JSON.stringify(require.resolve('pg'))});
process.on('message', async (statements) => {
  for (const [url, text, values] of statements) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query({ text, values });
    await client.end();
  }
  process.send('done');
});`,
  );
  return fork(script, [], { execArgv: ['-r', STATEMENT_LOG], env: { ...process.env, BENCH_STATEMENT_LOG: log }, serialization: 'advanced' });
}

/** Has the server run the statements, and answers once it has. */
function request(statements: Array<[string, string, unknown[]]>): Promise<void> {
  return new Promise((resolve) => {
    server.once('message', () => resolve());
    server.send(statements);
  });
}

async function connect(connectionString: string, applicationName = 'bench-instruments-test') {
  const client = new pg.Client({ connectionString, application_name: applicationName });
  await client.connect();
  clients.push(client);
  return client;
}

/** The statements of a request that creates a customer, asks another database something, and reads the customer back. */
function createAndRead(id: string): Promise<LoggedStatement[]> {
  return statementsOf(server, log, database, () =>
    request([
      [url, 'INSERT INTO "Customer" ("id", "name", "createdAt") VALUES ($1, $2, $3)', [id, "O'Brien", new Date('2026-03-01T10:00:00Z')]],
      [databases.serverUrl, 'SELECT 1 AS elsewhere', []],
      [url, 'SELECT "name" FROM "Customer" WHERE "id" = $1', [id]],
    ]),
  );
}

beforeAll(async () => {
  if (!existsSync(STATEMENT_LOG)) throw new Error('dist/ is missing: `npm test` builds it first (npm run build)');
  await onServer(`CREATE DATABASE "${database}"`);
  const client = await connect(url);
  await client.query('CREATE TABLE "Customer" ("id" uuid PRIMARY KEY, "name" text NOT NULL, "createdAt" timestamp NOT NULL)');
  server = startServer();
});

afterAll(async () => {
  server?.kill();
  await Promise.all(clients.map((client) => client.end()));
  await databases.drop();
});

test("a request's statements are logged while logging is on, for its database only, and with their values written in they find the same rows", async () => {
  await request([[url, 'SELECT 1 AS before', []]]);
  const statements = await createAndRead('0191e3c4-0000-7000-8000-000000000001');
  await request([[url, 'SELECT 2 AS after', []]]);

  expect(statements.map((s) => s.text)).toEqual(['INSERT INTO "Customer" ("id", "name", "createdAt") VALUES ($1, $2, $3)', 'SELECT "name" FROM "Customer" WHERE "id" = $1']);
  expect(statements[0].values).toEqual(['0191e3c4-0000-7000-8000-000000000001', "O'Brien", expect.stringMatching(/^2026-03-01/)]);
  const client = await connect(url);
  expect((await client.query(withValues(statements[1]))).rows).toEqual([{ name: "O'Brien" }]);
  // Nothing was written once logging went off.
  expect(await statementsOf(server, log, database, async () => {})).toEqual([]);
});

test('the script of a request that creates rows runs under pgbench again and again: the ids it creates are drawn anew', async () => {
  const statements = await createAndRead('0191e3c4-0000-7000-8000-000000000002');
  const client = await connect(url);
  const count = async () => Number((await client.query('SELECT count(*) AS n FROM "Customer"')).rows[0].n);
  const before = await count();

  const rate = await pgbenchRate(url, path.join(work, 'create.sql'), pgbenchScript(statements), 1);

  expect(rate).toEqual({ perSecond: expect.any(Number) });
  expect((await count()) - before).toBeGreaterThan(10);
});

test('the CPU a backend spends is counted for the connections of the application that asked, not for others', async () => {
  const admin = await connect(databases.serverUrl, 'bench-instruments-admin');
  const busy = await connect(url, 'bench-busy');
  await connect(url, 'bench-idle');
  const work = () => busy.query('SELECT count(*) FROM generate_series(1, 3000000)');

  const { cpu: counted } = await cpuDuring(admin, { pid: process.pid, applicationName: 'bench-busy' }, work);
  const { cpu: other } = await cpuDuring(admin, { pid: process.pid, applicationName: 'bench-idle' }, work);

  expect(counted.postgresMs).toBeGreaterThan(100);
  expect(other.postgresMs).toBeLessThan(counted.postgresMs! / 5);
});
