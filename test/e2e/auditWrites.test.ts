// The audit log cannot be bypassed: whatever text a mutation carries, its entry is
// written, each entry on its own, and an entry the database still refuses is told
// to the caller as an AUDIT_FAILED error on that field, next to the data.
import pg from 'pg';
import { writeAudit } from '../../src/audit/auditLog';
import { connectWs, operate } from '../support/graphqlWs';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const CREATE_PRODUCT = `mutation($sku: String!, $description: String) {
  createProduct(input: { sku: $sku, name: "n", kind: GOODS, price: "1", description: $description }) { id description }
}`;
const ENTRY = `query($first: Int) { auditLog(first: $first, action: "createProduct") { edges { node { target details } } } }`;

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'audit-writes', owner });
});
afterAll(() => gw.close());

const asOwner = () => ({ token: owner.token, tenant: 'audit-writes' });
const entryOf = async (productId: string) => {
  const log = await gw.request(ENTRY, { ...asOwner(), variables: { first: 100 } });
  return log.body.data.auditLog.edges.map((e: any) => e.node).find((node: any) => node.target === productId);
};
const productsMatching = async (search: string) =>
  (await gw.request(`query($search: String) { products(filter: { search: $search }) { totalCount } }`, { ...asOwner(), variables: { search } })).body.data.products.totalCount;

/** Runs `sql` on this gateway's platform database (as the test server's superuser). */
async function onPlatform(sql: string) {
  const client = new pg.Client({ connectionString: gw.dbs.platformUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test('a lone surrogate in an argument (raw JSON "\\ud800") is refused at the door, or the change is recorded with U+FFFD: never made unrecorded', async () => {
  // Written out by hand, so the request holds the escape exactly as an attacker would send it.
  const body = `{"query":${JSON.stringify(CREATE_PRODUCT)},"variables":{"sku":"AW-SURROGATE","description":"before \\ud800 after"}}`;
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-tenant': 'audit-writes' },
    body,
  });
  const answer = (await response.json()) as any;
  expect(response.status).toBeLessThan(500);
  if (answer.errors) {
    expect(answer.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(await productsMatching('AW-SURROGATE')).toBe(0);
    return;
  }
  const entry = await entryOf(answer.data.createProduct.id);
  expect(entry?.details.args.input.description).toBe('before \uFFFD after');
});

test('a 300-emoji argument is recorded cut at 200 characters between two code points, not inside one', async () => {
  // An odd prefix puts the 200th unit on the first half of an emoji: the old cut split it.
  const description = `x${'💍'.repeat(300)}`;
  const created = await gw.request(CREATE_PRODUCT, { ...asOwner(), variables: { sku: 'AW-EMOJI', description } });
  expect(created.body.errors).toBeUndefined();
  expect(created.body.data.createProduct.description).toBe(description);

  const recorded: string = (await entryOf(created.body.data.createProduct.id))?.details.args.input.description;
  expect(recorded).toBe(`x${'💍'.repeat(99)}…`);
});

test('two mutations in one operation each get their entry, also when one of them holds text the old cut broke', async () => {
  const both = await gw.request(
    `mutation($bad: String) {
      plain: createProduct(input: { sku: "AW-PAIR-1", name: "n", kind: GOODS, price: "1" }) { id }
      emoji: createProduct(input: { sku: "AW-PAIR-2", name: "n", kind: GOODS, price: "1", description: $bad }) { id }
    }`,
    { ...asOwner(), variables: { bad: `x${'😀'.repeat(150)}` } },
  );
  expect(both.body.errors).toBeUndefined();
  expect(await entryOf(both.body.data.plain.id)).toBeDefined();
  expect(await entryOf(both.body.data.emoji.id)).toBeDefined();
});

test('the writer itself stores text from any path: NUL and lone surrogates in columns, keys and values become U+FFFD', async () => {
  // Not every string comes through the door that checks variables: results, ids, jobs.
  await writeAudit(gw.services.platform, [
    { tenantId: null, actor: null, action: 'direct\0write', target: 'target\ud800', details: { [`key\udc00`]: ['nul\0', `x${'💍'.repeat(150)}`] } },
  ]);
  const row = await gw.services.platform.auditLog.findFirstOrThrow({ where: { action: 'direct\uFFFDwrite' } });
  expect(row).toMatchObject({ target: 'target\uFFFD', details: { 'key\uFFFD': ['nul\uFFFD', `x${'💍'.repeat(99)}…`] } });
});

describe('when the database refuses an entry', () => {
  // A real refusal by PostgreSQL: a CHECK constraint on this test's audit table, for products whose SKU says so.
  beforeAll(() =>
    onPlatform(`ALTER TABLE "AuditLog" ADD CONSTRAINT refuse_marked CHECK (coalesce(details #>> '{args,input,sku}', '') NOT LIKE 'AW-REFUSED%')`),
  );
  afterAll(() => onPlatform(`ALTER TABLE "AuditLog" DROP CONSTRAINT refuse_marked`));

  test('the other entries of the operation are written, and the caller gets AUDIT_FAILED on that field with the data kept', async () => {
    const both = await gw.request(
      `mutation {
        kept: createProduct(input: { sku: "AW-KEPT", name: "n", kind: GOODS, price: "1" }) { id }
        refused: createProduct(input: { sku: "AW-REFUSED", name: "n", kind: GOODS, price: "1" }) { id sku }
      }`,
      asOwner(),
    );
    expect(both.status).toBe(200);
    // The change was made: its data is there, and so is the error saying it went unrecorded.
    expect(both.body.data.refused).toMatchObject({ sku: 'AW-REFUSED' });
    expect(both.body.errors).toEqual([{ message: expect.stringContaining('audit'), path: ['refused'], extensions: { code: 'AUDIT_FAILED' } }]);
    expect(await entryOf(both.body.data.kept.id)).toBeDefined();
    expect(await entryOf(both.body.data.refused.id)).toBeUndefined();
  });

  test('over graphql-ws the same', async () => {
    const { client } = connectWs(gw.url, { authorization: `Bearer ${owner.token}`, tenant: 'audit-writes' });
    try {
      const [result] = await operate(client, `mutation { createProduct(input: { sku: "AW-REFUSED-WS", name: "ws", kind: GOODS, price: "1" }) { name } }`).done;
      expect(result).toEqual({
        data: { createProduct: { name: 'ws' } },
        errors: [{ message: expect.stringContaining('audit'), path: ['createProduct'], extensions: { code: 'AUDIT_FAILED' } }],
      });
    } finally {
      await client.dispose();
    }
  });
});
