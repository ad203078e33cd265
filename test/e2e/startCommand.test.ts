// What `npm start` says before it starts anything: the settings on --help, and a
// configuration mistake in one line, before any database is touched.
import { settingDescriptions } from '../../src/config';
import { freePort, runMain } from '../support/gatewayProcess';

const start = (args: string[], env: Record<string, string>) => runMain(args, { PATH: process.env.PATH, ...env });

/** A platform database nothing answers for: a start that got as far as touching it would fail differently. */
const nowhere = async () => `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`;

test('npm start -- --help prints every setting with what it does, and starts nothing', async () => {
  const { code, stdout, stderr } = await start(['--help'], { DATABASE_URL: await nowhere() });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const lines = stdout.split('\n').map((line) => line.trim().split(/ {2,}/));
  for (const [name, description] of Object.entries(settingDescriptions)) expect(lines).toContainEqual([name, description]);
  expect(stdout).not.toContain('serving GraphQL');
});

test('an argument other than --help is refused in one line', async () => {
  const { code, stdout, stderr } = await start(['--port', '80'], { DATABASE_URL: await nowhere() });
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  expect(stderr).toMatch(/^Unknown option '--port'.*--help lists them\)\n$/);
});

test('a malformed ENCRYPTION_KEY is one line naming it, before any database is touched', async () => {
  const { code, stdout, stderr } = await start([], { DATABASE_URL: await nowhere(), ENCRYPTION_KEY: 'my-secret-key', LOG_LEVEL: 'info' });
  expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  expect(stderr).toMatch(/^invalid configuration: ENCRYPTION_KEY: must be 32 bytes[^\n]*\n$/);
  expect(stderr).not.toContain('my-secret-key');
});
