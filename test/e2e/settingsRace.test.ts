// A change announced while other requests are loading what it invalidates: readers
// of a tenant and writers of its report time zone (each write announces the tenant
// changed, so every process forgets it) hammer one tenant at once. A request that
// was waiting for the tenant's row when it was forgotten gets the row read again,
// never an error. Wherever a tenant lives: its own PostgreSQL database, a schema of
// the shared one, its own MySQL database.
//
// SETTINGS_RACE_SECONDS lengthens the run (the default keeps CI to a few seconds per engine).
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const SECONDS = Number(process.env.SETTINGS_RACE_SECONDS ?? 3);
const READERS = 6;
const WRITERS = 2;
const ZONES = ['Europe/Paris', 'America/New_York'];

const READ = '{ settings { reportTimeZone } }';
const WRITE = 'mutation($zone: String!) { updateSettings(input: { reportTimeZone: $zone }) { reportTimeZone } }';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TestUser;

  beforeAll(async () => {
    gw = await startTestGateway({ engine });
    owner = await gw.createUser();
    await gw.createTenant({ slug: 'zoned', owner, isolation, engine });
  });
  afterAll(() => gw.close());

  test(`${READERS} readers and ${WRITERS} writers toggling the report time zone: not one INTERNAL_SERVER_ERROR`, async () => {
    const until = Date.now() + SECONDS * 1000;
    const codes = new Map<string, number>();
    let requests = 0;
    const count = (response: GraphQLResponse) => {
      requests++;
      for (const error of response.body.errors ?? []) codes.set(error.extensions.code, (codes.get(error.extensions.code) ?? 0) + 1);
    };
    const as = { token: owner.token, tenant: 'zoned' };
    const reader = async () => {
      while (Date.now() < until) count(await gw.request(READ, as));
    };
    const writer = async (first: number) => {
      for (let i = first; Date.now() < until; i++) count(await gw.request(WRITE, { ...as, variables: { zone: ZONES[i % ZONES.length] } }));
    };
    await Promise.all([...Array.from({ length: READERS }, reader), ...Array.from({ length: WRITERS }, (_, i) => writer(i))]);

    const seen = Object.fromEntries(codes);
    process.stdout.write(`settings race on ${engine} ${isolation}, ${SECONDS} s: ${requests} requests, errors ${JSON.stringify(seen)}\n`);
    expect({ requests, errors: seen }).toEqual({ requests, errors: {} });
    expect(requests).toBeGreaterThan(READERS + WRITERS);
  }, 60_000 + SECONDS * 1000);
});
