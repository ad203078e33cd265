export default async function globalTeardown() {
  await globalThis.__embeddedPostgres?.stop();
  await globalThis.__throwawayMariadb?.stop();
}
