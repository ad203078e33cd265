export default async function globalTeardown() {
  globalThis.__redisServer?.kill();
  await globalThis.__embeddedPostgres?.stop();
}
