// A storm of wrong input generated from schema.graphql: every argument and input field
// of every Query, Mutation and Subscription field, given values of the wrong kind, null,
// nothing, NULs and lone surrogates, over HTTP and over graphql-ws, signed in as a
// tenant's OWNER and anonymously. No answer may be a 5xx or an INTERNAL_SERVER_ERROR,
// nothing may be logged as an error, and afterwards the gateway serves as before, this
// tenant and another one.
//
// Which transport, caller and way of writing the arguments each case gets is dealt by a
// seeded generator; the seed is printed, and `FUZZ_SEED=<seed> npx jest test/e2e/fuzz.test.ts`
// replays a run.
import { OperationTypeNode } from 'graphql';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import { createLogger } from '../../src/logger';
import { eventually } from '../support/eventually';
import { connectWs, operate, type WsConnection, type WsResult } from '../support/graphqlWs';
import { LogCapture } from '../support/logCapture';
import { asLiterals, asVariables, committedSchema, wellFormedCalls, wrongValueCases, type Operation, type SchemaCase } from '../support/schemaCases';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = xoroshiro128plus(seed);
const pick = <T>(choices: readonly T[]): T => choices[unsafeUniformIntDistribution(0, choices.length - 1, random)];

const TENANT = 'fuzz-shop';
const errorLog = new LogCapture();
let gw: TestGateway;
let owner: TestUser;
let neighbour: TestUser;
const sockets: Partial<Record<Caller, WsConnection>> = {};

type Transport = 'http' | 'websocket';
type Caller = 'owner' | 'anonymous';
type Delivery = 'variables' | 'literals';

interface Trial {
  schemaCase: SchemaCase;
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
  gw = await startTestGateway({ log: createLogger('error', errorLog) });
  [owner, neighbour] = await Promise.all([gw.createUser(), gw.createUser()]);
  await gw.createTenant({ slug: TENANT, owner });
  await gw.createTenant({ slug: 'next-door', owner: neighbour });
  const created = await gw.request('mutation { createProduct(input: { sku: "N-1", name: "next door", kind: GOODS, price: "5" }) { id } }', { token: neighbour.token, tenant: 'next-door' });
  expect(created.body.errors).toBeUndefined();
  sockets.owner = connectWs(gw.url, { authorization: `Bearer ${owner.token}`, tenant: TENANT });
  sockets.anonymous = connectWs(gw.url, { tenant: TENANT });
});
afterAll(async () => {
  await Promise.all(Object.values(sockets).map((socket) => socket.client.dispose()));
  await gw?.close();
});

async function overHttp(caller: Caller, operation: Operation): Promise<Answer> {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': TENANT, ...(caller === 'owner' ? { authorization: `Bearer ${owner.token}` } : {}) },
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
async function overWebSocket(caller: Caller, operation: Operation): Promise<Answer> {
  const running = operate(sockets[caller]!.client, operation.query, operation.variables);
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

function trials(): Trial[] {
  const callers: Caller[] = ['owner', 'anonymous'];
  const transports: Transport[] = ['http', 'websocket'];
  const by = (schemaCase: SchemaCase) => (SIGNING_OUT.has(schemaCase.field) ? (['anonymous'] as Caller[]) : callers);
  // Well-formed calls of every field, each way: the wrong values below are judged against these.
  const wellFormed = wellFormedCalls(schema).flatMap((schemaCase) =>
    transports.flatMap((transport) => by(schemaCase).map((caller) => ({ schemaCase, transport, caller, delivery: 'variables' as const }))),
  );
  // Every wrong value once, over a transport, by a caller and in a way the seed picks: the
  // suite shares two cores with others, so both transports for each would take too long.
  // (Subscriptions are served over the socket only: over HTTP every one is refused alike.)
  const wrong = wrongValueCases(schema).map((schemaCase) => ({
    schemaCase,
    transport: schemaCase.kind === OperationTypeNode.SUBSCRIPTION ? ('websocket' as const) : pick(transports),
    caller: pick(by(schemaCase)),
    delivery: pick(['variables', 'literals'] as const),
  }));
  return [...wellFormed, ...wrong];
}

async function attempt({ schemaCase, transport, caller, delivery }: Trial): Promise<string[]> {
  const operation = delivery === 'variables' ? asVariables(schema, schemaCase) : asLiterals(schema, schemaCase);
  const answer = await (transport === 'http' ? overHttp(caller, operation) : overWebSocket(caller, operation));
  return problemsOf(answer).map((problem) => `${problem}: ${schemaCase.name} (${transport}, ${caller}, ${delivery})`);
}

test('no wrong input gets a 5xx or INTERNAL_SERVER_ERROR, over HTTP or WebSocket, signed in or not', async () => {
  const all = trials();
  const failures: string[] = [];
  let next = 0;
  // A few at a time, as clients would send them; each socket carries its operations side by side.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < all.length) failures.push(...(await attempt(all[next++])));
    }),
  );
  expect(all.length).toBeGreaterThan(2500);
  expect({ seed, cases: all.length, failed: failures.length, first: failures.slice(0, 40) }).toEqual({ seed, cases: all.length, failed: 0, first: [] });
});

test('nothing the storm sent was logged as an error', () => {
  const messages = errorLog.entries().map((entry) => `${entry.msg}: ${(entry.err as { message?: string } | undefined)?.message ?? ''}`.slice(0, 200));
  expect({ seed, errors: messages.slice(0, 20) }).toEqual({ seed, errors: [] });
});

test('after the storm the gateway serves as before: every tenant client is back, both tenants answer over both transports', async () => {
  await eventually(() => gw.services.pool.inFlight === 0);
  const mine = await gw.request('{ products(first: 1) { totalCount } }', { token: owner.token, tenant: TENANT });
  expect(mine.body.errors).toBeUndefined();
  const theirs = await gw.request('{ products { edges { node { sku price } } } }', { token: neighbour.token, tenant: 'next-door' });
  expect(theirs.body).toEqual({ data: { products: { edges: [{ node: { sku: 'N-1', price: '5' } }] } } });
  const overSocket = await operate(sockets.owner!.client, '{ products(first: 1) { totalCount } }').done;
  expect(overSocket).toEqual([{ data: { products: { totalCount: mine.body.data.products.totalCount } } }]);
  const neighbourSocket = connectWs(gw.url, { authorization: `Bearer ${neighbour.token}`, tenant: 'next-door' });
  try {
    expect(await operate(neighbourSocket.client, '{ products { totalCount } }').done).toEqual([{ data: { products: { totalCount: 1 } } }]);
  } finally {
    await neighbourSocket.client.dispose();
  }
});
