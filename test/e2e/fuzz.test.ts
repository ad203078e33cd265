// A storm of wrong input generated from schema.graphql: every argument and input field
// of every Query, Mutation and Subscription field, given values of the wrong kind, null,
// nothing, NULs, lone surrogates and strings too long, signed in as a tenant's OWNER and
// anonymously. No answer may be a 5xx or an INTERNAL_SERVER_ERROR, nothing may be
// logged as an error, and afterwards the gateway serves as before, every tenant.
//
// The cases are generated once and dealt to five targets: a tenant with a database of
// its own over HTTP, the same over graphql-ws, a MySQL tenant, a tenant in a schema of
// the shared PostgreSQL database, and a tenant in the pool's shared tables (those three
// over either transport), whose neighbour there must come out untouched. Each target
// gets every well-formed call and its share of the wrong values, at most
// FUZZ_CASES_PER_TARGET in all; the counts are printed. Which target, transport,
// caller and way of writing the arguments each case gets is dealt by a seeded
// generator; the seed is printed, and `FUZZ_SEED=<seed> npx jest test/e2e/fuzz.test.ts`
// replays a run.
import { OperationTypeNode } from 'graphql';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { createLogger } from '../../src/logger';
import { tenantEngines } from '../support/engines';
import { eventually } from '../support/eventually';
import { connectWs, operate, type WsConnection, type WsResult } from '../support/graphqlWs';
import { LogCapture } from '../support/logCapture';
import { asLiterals, asVariables, committedSchema, wellFormedCalls, wrongValueCases, type Operation, type SchemaCase } from '../support/schemaCases';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = xoroshiro128plus(seed);
const pick = <T>(choices: readonly T[]): T => choices[unsafeUniformIntDistribution(0, choices.length - 1, random)];
const shuffled = <T>(list: T[]): T[] => {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = unsafeUniformIntDistribution(0, i, random);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

// The suite runs on two cores: about as many calls in all as one target had alone. What
// the bound leaves out of a run, other seeds try.
const CASES_PER_TARGET = Number(process.env.FUZZ_CASES_PER_TARGET ?? 1_200);
// Seconds on a quiet machine, a minute or more on a busy one.
const STORM_TIMEOUT_MS = 180_000;

type Transport = 'http' | 'websocket';
type Caller = 'owner' | 'anonymous';
type Delivery = 'variables' | 'literals';
type TargetName = 'HTTP' | 'WS' | 'MySQL' | 'SCHEMA' | 'POOL';

interface Target {
  name: TargetName;
  tenant: string;
  /** The transport every case of it takes; none: the seed picks per case. */
  transport?: Transport;
}

const TARGETS: Target[] = [
  { name: 'HTTP', tenant: 'fuzz-shop', transport: 'http' },
  { name: 'WS', tenant: 'fuzz-shop', transport: 'websocket' },
  ...(tenantEngines.includes('mysql') ? [{ name: 'MySQL' as const, tenant: 'fuzz-mysql' }] : []),
  { name: 'SCHEMA', tenant: 'fuzz-schema' },
  { name: 'POOL', tenant: 'fuzz-pool' },
];

const errorLog = new LogCapture();
let gw: TestGateway;
let owner: TestUser;
let neighbour: TestUser;
/** The sockets of each fuzzed tenant, by caller. */
const sockets = new Map<string, Record<Caller, WsConnection>>();

interface Trial {
  schemaCase: SchemaCase;
  target: Target;
  transport: Transport;
  caller: Caller;
  delivery: Delivery;
}

interface Answer {
  status?: number;
  codes: Array<string | undefined>;
  /** The close code, when the server closed the socket instead of answering. */
  closed?: number;
}

beforeAll(async () => {
  console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npx jest test/e2e/fuzz.test.ts)`);
  gw = await startTestGateway({ engine: tenantEngines.at(-1), log: createLogger('error', errorLog) });
  [owner, neighbour] = await Promise.all([gw.createUser(), gw.createUser()]);
  await gw.createTenant({ slug: 'fuzz-shop', owner, engine: 'postgresql' });
  await gw.createTenant({ slug: 'fuzz-schema', owner, engine: 'postgresql', isolation: 'SCHEMA' });
  await gw.createTenant({ slug: 'fuzz-pool', owner, engine: 'postgresql', isolation: 'POOL' });
  if (tenantEngines.includes('mysql')) await gw.createTenant({ slug: 'fuzz-mysql', owner, engine: 'mysql' });
  await gw.createTenant({ slug: 'next-door', owner: neighbour, engine: 'postgresql', isolation: 'POOL' });
  const created = await gw.request('mutation { createProduct(input: { sku: "N-1", name: "next door", kind: GOODS, price: "5" }) { id } }', { token: neighbour.token, tenant: 'next-door' });
  expect(created.body.errors).toBeUndefined();
  for (const tenant of new Set(TARGETS.map((target) => target.tenant))) {
    sockets.set(tenant, { owner: connectWs(gw.url, { authorization: `Bearer ${owner.token}`, tenant }), anonymous: connectWs(gw.url, { tenant }) });
  }
});
afterAll(async () => {
  await Promise.all([...sockets.values()].flatMap((bySocket) => Object.values(bySocket).map((socket) => socket.client.dispose())));
  await gw?.close();
});

async function overHttp(tenant: string, caller: Caller, operation: Operation): Promise<Answer> {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(caller === 'owner' ? { authorization: `Bearer ${owner.token}` } : {}) },
    body: JSON.stringify(operation),
  });
  const text = await response.text();
  try {
    const body = JSON.parse(text) as WsResult;
    return { status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code) };
  } catch {
    return { status: response.status, codes: [`a body that is not JSON: ${text.slice(0, 80)}`] };
  }
}

/** A live subscription that was accepted may stay quiet until something happens: a second of silence is its answer. */
const QUIET_MS = 1_000;

/** The first answer over the caller's socket: a result, the errors that refused it, the socket closing, or (a live feed) nothing yet. */
async function overWebSocket(tenant: string, caller: Caller, operation: Operation): Promise<Answer> {
  const running = operate(sockets.get(tenant)![caller].client, operation.query, operation.variables);
  let quiet: NodeJS.Timeout | undefined;
  try {
    const silence = new Promise<'quiet'>((resolve) => (quiet = setTimeout(() => resolve('quiet'), QUIET_MS)));
    const result = await Promise.race([running.until(() => true), silence]);
    if (result === 'quiet') return { codes: [] };
    return { codes: (result.errors ?? []).map((error) => error.extensions?.code) };
  } catch (ended) {
    if (Array.isArray(ended)) return { codes: (ended as NonNullable<WsResult['errors']>).map((error) => error.extensions?.code) };
    return { codes: [], closed: (ended as { code?: number }).code ?? -1 };
  } finally {
    clearTimeout(quiet);
    running.stop();
  }
}

function problemsOf(answer: Answer): string[] {
  return [
    ...(answer.status !== undefined && answer.status >= 500 ? [`HTTP ${answer.status}`] : []),
    ...(answer.closed !== undefined ? [`socket closed with ${answer.closed}`] : []),
    ...answer.codes.filter((code) => code === undefined || code === 'INTERNAL_SERVER_ERROR').map((code) => code ?? 'an error without a code'),
  ];
}

const schema = committedSchema();

/** Fields that end the caller's own session: the owner calling them would be signed out for every later case. */
const SIGNING_OUT = new Set(['logout', 'logoutEverywhere']);

const wrongCases = wrongValueCases(schema);

/** Every well-formed call for every target, and each wrong value once, dealt to one target until each holds CASES_PER_TARGET. */
function trials(): Trial[] {
  const callers: Caller[] = ['owner', 'anonymous'];
  const by = (schemaCase: SchemaCase) => (SIGNING_OUT.has(schemaCase.field) ? (['anonymous'] as Caller[]) : callers);
  // Subscriptions are served over the socket only: over HTTP every one is refused alike.
  const transportOf = (target: Target, schemaCase: SchemaCase): Transport =>
    schemaCase.kind === OperationTypeNode.SUBSCRIPTION ? 'websocket' : (target.transport ?? pick(['http', 'websocket'] as const));
  const takes = (target: Target, schemaCase: SchemaCase) => !(target.transport === 'http' && schemaCase.kind === OperationTypeNode.SUBSCRIPTION);
  const dealt = new Map<Target, Trial[]>(TARGETS.map((target) => [target, []]));
  // Well-formed calls of every field, each way: the wrong values below are judged against these.
  for (const schemaCase of wellFormedCalls(schema)) {
    for (const target of TARGETS.filter((t) => takes(t, schemaCase))) {
      for (const caller of by(schemaCase)) dealt.get(target)!.push({ schemaCase, target, transport: transportOf(target, schemaCase), caller, delivery: 'variables' });
    }
  }
  let turn = 0;
  for (const schemaCase of shuffled(wrongCases)) {
    const open = TARGETS.filter((target) => takes(target, schemaCase) && dealt.get(target)!.length < CASES_PER_TARGET);
    if (open.length === 0) continue;
    const target = open[turn++ % open.length];
    dealt.get(target)!.push({ schemaCase, target, transport: transportOf(target, schemaCase), caller: pick(by(schemaCase)), delivery: pick(['variables', 'literals'] as const) });
  }
  return [...dealt.values()].flat();
}

async function attempt({ schemaCase, target, transport, caller, delivery }: Trial): Promise<string[]> {
  const operation = delivery === 'variables' ? asVariables(schema, schemaCase) : asLiterals(schema, schemaCase);
  const answer = await (transport === 'http' ? overHttp(target.tenant, caller, operation) : overWebSocket(target.tenant, caller, operation));
  return problemsOf(answer).map((problem) => `${problem}: ${schemaCase.name} (${target.name}, ${transport}, ${caller}, ${delivery})`);
}

test('no wrong input gets a 5xx or INTERNAL_SERVER_ERROR, on any target, signed in or not', async () => {
  // Targets side by side, as their clients would be.
  const all = shuffled(trials());
  const perTarget = Object.fromEntries(TARGETS.map((target) => [target.name, all.filter((trial) => trial.target === target).length]));
  const wrongTried = all.filter((trial) => trial.schemaCase.path.length > 0).length;
  const leftOut = wrongCases.length - wrongTried;
  console.log(
    `fuzz cases per target: ${Object.entries(perTarget).map(([name, n]) => `${name} ${n}`).join(', ')}; ` +
      `${wrongTried} wrong values of ${wrongCases.length}${leftOut ? ` (${leftOut} left to other seeds by the bound)` : ''} (seed ${seed})`,
  );
  const failures: string[] = [];
  let next = 0;
  // A few at a time, as clients would send them; each socket carries its operations side by side.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < all.length) failures.push(...(await attempt(all[next++])));
    }),
  );
  expect(Object.values(perTarget).every((n) => n > 500)).toBe(true);
  expect({ seed, cases: all.length, failed: failures.length, first: failures.slice(0, 40) }).toEqual({ seed, cases: all.length, failed: 0, first: [] });
}, STORM_TIMEOUT_MS);

test('nothing the storm sent was logged as an error', () => {
  const messages = errorLog.entries().map((entry) => `${entry.msg}: ${(entry.err as { message?: string } | undefined)?.message ?? ''}`.slice(0, 200));
  expect({ seed, errors: messages.slice(0, 20) }).toEqual({ seed, errors: [] });
});

test('after the storm the gateway serves as before: every tenant client is back, every tenant answers over both transports', async () => {
  await eventually(() => gw.services.pool.inFlight === 0);
  for (const tenant of sockets.keys()) {
    const overHttp = await gw.request('{ products(first: 1) { totalCount } }', { token: owner.token, tenant });
    expect(overHttp.body.errors).toBeUndefined();
    const overSocket = await operate(sockets.get(tenant)!.owner.client, '{ products(first: 1) { totalCount } }').done;
    expect(overSocket).toEqual([{ data: { products: { totalCount: overHttp.body.data.products.totalCount } } }]);
  }
  const theirs = await gw.request('{ products { edges { node { sku price } } } }', { token: neighbour.token, tenant: 'next-door' });
  expect(theirs.body).toEqual({ data: { products: { edges: [{ node: { sku: 'N-1', price: '5' } }] } } });
  const neighbourSocket = connectWs(gw.url, { authorization: `Bearer ${neighbour.token}`, tenant: 'next-door' });
  try {
    expect(await operate(neighbourSocket.client, '{ products { totalCount } }').done).toEqual([{ data: { products: { totalCount: 1 } } }]);
  } finally {
    await neighbourSocket.client.dispose();
  }
});
