// The README runs as written: every ```graphql block in the order a reader meets
// them, the sign-in and tenant curls as one bash script (so $TOKEN must really be
// set), and the graphql-ws snippet under Node, against a real gateway holding the
// demo tenants: once with them on PostgreSQL, and once on a gateway whose one tenant
// server is MySQL, so the demo and every example's tenant live there.
//
// The README's own conventions drive it: a block runs as admin@talanou.com with
// X-Tenant: talanou unless its first line says `# as <login>` (`with X-Tenant:
// <slug>`), and "<name>" stands for an id from an earlier answer, found here as a
// reader would find it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../src/demo/demoData';
import { ensureDemo } from '../src/demo/seedDemo';
import { tenantEngines } from './support/engines';
import { MYSQL_URL } from './support/mysqlDatabase';
import { startTestGateway, type TestGateway } from './support/testGateway';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const blocks = (language: string) => [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)].filter(([, lang]) => lang === language).map(([, , text]) => text);

const READER = { login: 'admin@talanou.com', tenant: 'talanou' };
const run = promisify(execFile);

function whoRuns(block: string) {
  const named = /^# as ([^\s,:]+)(?: with X-Tenant: ([a-z0-9-]+))?/.exec(block);
  return named ? { login: named[1], tenant: named[2] } : READER;
}

const graphqlBlocks = blocks('graphql');

test('the README has its examples where this test looks for them', () => {
  expect(graphqlBlocks.length).toBeGreaterThanOrEqual(10);
  expect(blocks('sh').filter((block) => block.includes('curl'))).toHaveLength(2);
  expect(blocks('js')).toHaveLength(1);
});

/** The block's operation on one line, without its comments, for the test's name. */
const title = (block: string) => block.replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 80);

describe.each(tenantEngines)('with the demo tenants on %s', (engine) => {
  let gw: TestGateway;
  /** host:port of the test gateway, for the examples' localhost:4000. */
  let host: string;
  const tokens = new Map<string, string>();
  /** Every answer so far, in README order: where a later example's ids come from. */
  const answers: Array<Record<string, any>> = [];

  beforeAll(async () => {
    const onlyMysql = { TENANT_SERVERS: `shop-mysql=${MYSQL_URL}` };
    gw = await startTestGateway({ engine, env: { DEMO: 'true', ...(engine === 'mysql' ? onlyMysql : {}) } });
    await ensureDemo(gw.services);
    host = new URL(gw.url).host;
  });
  afterAll(() => gw.close());

  async function tokenOf(login: string): Promise<string> {
    if (!tokens.has(login)) {
      const answer = await gw.request(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        variables: { e: login, p: DEMO_PASSWORD },
      });
      tokens.set(login, answer.body.data.login.token);
    }
    return tokens.get(login)!;
  }

  async function ask(query: string, who: { login: string; tenant?: string } = READER) {
    const { status, body } = await gw.request(query, { token: await tokenOf(who.login), tenant: who.tenant });
    expect({ query, status, errors: body.errors }).toEqual({ query, status: 200, errors: undefined });
    return body.data as Record<string, any>;
  }

  const earlier = (find: (answer: Record<string, any>) => string | undefined) => {
    const id = answers.map(find).find(Boolean);
    if (!id) throw new Error('no earlier example answered with this id');
    return id;
  };

  // Where a reader takes each id in angle brackets from.
  const ids: Record<string, () => string> = {
    bankAccountId: () => earlier((a) => a.bankAccounts?.[0]?.id),
    transactionId: () => earlier((a) => a.billingTransactions?.edges[0]?.node.id),
    jobId: () => earlier((a) => a.createTenant?.job.id),
    refreshToken: () => earlier((a) => a.login?.refreshToken),
    invitationId: () => earlier((a) => a.inviteMember?.invitation.id),
    categoryId: () => earlier((a) => a.createCategory?.id),
    productId: () => earlier((a) => a.shopProducts?.edges[0]?.node.id),
    orderId: () => earlier((a) => a.createOrder?.id),
  };

  function withIds(block: string): string {
    return block.replace(/"<(\w+)>"/g, (_, name: string) => {
      if (!ids[name]) throw new Error(`the README uses "<${name}>", which this test does not know where to find`);
      return JSON.stringify(ids[name]());
    });
  }

  test.each(graphqlBlocks.map((block) => [title(block), block]))('runs as written: %s', async (_, block) => {
    answers.push(await ask(withIds(block), whoRuns(block)));
  });

  test('the sign-in curl sets $TOKEN, and the tenant curl after it answers with that token', async () => {
    const script = blocks('sh')
      .filter((block) => block.includes('curl'))
      .join('\n')
      .replaceAll('localhost:4000', host);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script]);
    const answer = JSON.parse(stdout);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.invoices.totalCount).toBeGreaterThan(0);
  });

  test('the graphql-ws snippet follows the job of the createTenant example to SUCCEEDED under Node', async () => {
    const [snippet] = blocks('js');
    // As the snippet's file would, it imports graphql-ws and ws from the project's node_modules.
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', snippet.replaceAll('localhost:4000', host)], {
      cwd: root,
      env: { ...process.env, TOKEN: await tokenOf(READER.login), JOB_ID: ids.jobId() },
    });
    const events = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).provisioningProgress);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
  });

  test("the walkthrough's roles: the demo MEMBER may create a product, the demo VIEWER reads and may not", async () => {
    const create = 'mutation { createProduct(input: { sku: "ROLE-1", name: "Role check", kind: GOODS, price: "1" }) { sku } }';
    const member = await gw.request(create, { token: await tokenOf('employee@demo-shop.com'), tenant: 'demo-shop' });
    expect(member.body.data?.createProduct).toEqual({ sku: 'ROLE-1' });
    const viewer = await tokenOf('viewer@demo-shop.com');
    expect((await gw.request('{ products { totalCount } }', { token: viewer, tenant: 'demo-shop' })).body.data.products.totalCount).toBeGreaterThan(0);
    const refused = await gw.request(create.replace('ROLE-1', 'ROLE-2'), { token: viewer, tenant: 'demo-shop' });
    expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  test('the demo tenants live on that engine', async () => {
    const tenants = await gw.services.platform.tenant.findMany({ select: { engine: true } });
    expect(new Set(tenants.map((t) => t.engine))).toEqual(new Set([engine === 'mysql' ? 'MYSQL' : 'POSTGRESQL']));
  });
});
