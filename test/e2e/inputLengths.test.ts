// Every string a tenant mutation takes is checked against the column it is stored in,
// before any database work, with the same limits on both engines: a tenant on MySQL
// (VARCHAR(191), TEXT of 65,535 bytes) and one on PostgreSQL (text) give the same
// answer to the same too-long string, a BAD_USER_INPUT naming the field, never a
// database error. The mutations and their string arguments are read from
// schema.graphql and the tenant resolvers (the webhooks' and the modules'), so a new
// one is covered by being written.
import { getMetadataStorage } from 'type-graphql';
import type { Engine } from '../../src/engine';
import { createLogger } from '../../src/logger';
import { tenantResolvers } from '../../src/schema/buildSchema';
import { tenantEngines } from '../support/engines';
import { LogCapture } from '../support/logCapture';
import { asVariables, casesOfType, committedSchema, type SchemaCase } from '../support/schemaCases';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

/** The mutations the tenant resolvers define. */
function tenantMutations(): Set<string> {
  const classes = new Set<unknown>(tenantResolvers);
  return new Set(getMetadataStorage().mutations.filter((mutation) => classes.has(mutation.target)).map((mutation) => mutation.schemaName));
}

const schema = committedSchema();
const mutations = tenantMutations();
// One more than a VARCHAR(191) holds, and more than a TEXT holds.
const LENGTHS: Array<[string, string]> = [
  ['192 characters', 'x'.repeat(192)],
  ['70,000 characters', 'x'.repeat(70_000)],
];
const cases = LENGTHS.flatMap(([what, value]) => casesOfType(schema, 'String', what, value)).filter((c) => c.kind === 'mutation' && mutations.has(c.field));

const errorLog = new LogCapture();
let gw: TestGateway;
let owner: TestUser;

// A tenant on each engine there is, the same calls to each.
beforeAll(async () => {
  gw = await startTestGateway({ engine: tenantEngines.at(-1), log: createLogger('error', errorLog) });
  owner = await gw.createUser();
  for (const engine of tenantEngines) await gw.createTenant({ slug: `lengths-${engine}`, owner, engine });
});
afterAll(() => gw?.close());

/** What the client is told: the first error's code and field, or that it worked. */
async function answerOf(c: SchemaCase, engine: Engine) {
  const { query, variables } = asVariables(schema, c);
  const { status, body } = await gw.request(query, { token: owner.token, tenant: `lengths-${engine}`, variables });
  const error = body.errors?.[0];
  return { status, code: error?.extensions.code ?? 'OK', field: error?.extensions.field };
}

test('the sweep reaches the string arguments of the tenant mutations, and only those', () => {
  expect(['createProduct', 'importBankStatement', 'postJournalEntry'].every((name) => mutations.has(name))).toBe(true);
  expect(mutations.has('createTenant')).toBe(false);
  expect(cases.length).toBeGreaterThan(100);
});

test.each(cases.map((c) => [c.name, c] as const))('%s: the same answer on every engine, never a database error', async (_name, c) => {
  const answers = await Promise.all(tenantEngines.map((engine) => answerOf(c, engine)));
  expect(answers[0]).toMatchObject({ status: 200, code: expect.not.stringMatching(/INTERNAL_SERVER_ERROR|DATABASE_UNAVAILABLE/) });
  if (answers[0].code === 'BAD_USER_INPUT') expect(answers[0].field).toEqual(expect.any(String));
  expect(answers).toEqual(answers.map(() => answers[0]));
});

test('nothing the sweep sent was logged as an error', () => {
  expect(errorLog.entries().map((entry) => entry.msg)).toEqual([]);
});
