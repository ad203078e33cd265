/** The Redis the tests use (TEST_REDIS_URL, or one the jest global setup started). */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('these tests need Redis: set TEST_REDIS_URL, or install Redis (apt-get install redis-server) so one is started for the run');
  return url;
}
