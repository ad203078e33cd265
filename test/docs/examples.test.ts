// Every example in the documentation runs as written: the fenced ```graphql, ```sh and
// ```js blocks of README.md and of every docs/*.md page, page by page in the order a
// reader meets them, against a real gateway holding the demo tenants. Once with them
// on PostgreSQL, and once on a gateway whose one tenant server is MySQL, so the demo
// and every example's tenant live there.
//
// The pages' own conventions drive it (docs/getting-started.md, "The examples"):
// - a block runs as the page's reader ("Examples on this page run as `<login>` with
//   `X-Tenant: <slug>`", else admin@talanou.com with X-Tenant: talanou), unless its
//   first line says `# as <login>` (`with X-Tenant: <slug>`) or `# signed out`;
// - "<name>" stands for an id from an earlier answer on the same page, found here as a
//   reader would find it, and "<today>", "<tomorrow>", "<N days ago>" for those dates
//   (UTC), "<in N days at HH:MM UTC>" for that moment, so no example goes empty as the
//   demo data ages;
// - a block with a line `# refused with <CODE>` shows a refusal: its answer must be that
//   error, and nothing else;
// - ```graphql subscriptions run over graphql-ws and must hear something before the
//   page ends; ```sh blocks run under bash, ```js blocks under Node;
// - `no-run` after the language marks a block that is not meant to run (a command for
//   the reader's own machine, a fragment); `mysql` one that needs a MySQL server.
// - a page whose examples need tenant models of their own says so ("... on the `gym`
//   deployment"): they run against that deployment's gateway (test/support/deployments.ts),
//   with the demo too, and every ```prisma block the page heads `// tenant-models/<file>`
//   must be that model file of the deployment, as it is.
// An answer must have no errors and nothing empty: no empty list, no totalCount of 0.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { getOperationAST, parse } from 'graphql';
import { DEMO_PASSWORD } from '../../src/demo/demoData';
import { ensureDemo } from '../../src/demo/seedDemo';
import { testServerUrl } from '../support/database';
import { docPages, fencedBlocks, root, type FencedBlock } from '../support/docs';
import { tenantEngines } from '../support/engines';
import { deployment, DEPLOYMENTS, startDeploymentGateway, type DeploymentGateway, type DeploymentName } from '../support/deployments';
import { connectWs, operate, type WsOperation } from '../support/graphqlWs';
import { dropMysqlDatabasesStartingWith } from '../../src/db/dropDatabases';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { startTestGateway, type GraphQLResponse, type RequestOptions, type TestGateway } from '../support/testGateway';

const run = promisify(execFile);

const RUNNABLE = new Set(['graphql', 'sh', 'js']);
const NO_RUN = 'no-run';
const NEEDS_MYSQL = 'mysql';
const DEFAULT_READER = { login: 'admin@talanou.com', tenant: 'talanou' };

interface Who {
  /** Undefined: signed out. */
  login?: string;
  tenant?: string;
}

/** A gateway the examples are asked of: the test gateway, or a deployment's. */
interface Served {
  url: string;
  request(query: string, options?: RequestOptions): Promise<GraphQLResponse>;
}

const pages = docPages().map((page) => {
  const stated = /run as `([^`\s]+)` with `X-Tenant: ([a-z0-9-]+)`/.exec(page.text);
  const deploymentName = /on the `([a-z0-9-]+)`\s+deployment/.exec(page.text)?.[1];
  if (deploymentName && !(deploymentName in DEPLOYMENTS)) throw new Error(`${page.file} runs on the ${deploymentName} deployment, which test/support/deployments.ts does not know`);
  return {
    file: page.file,
    reader: stated ? { login: stated[1], tenant: stated[2] } : DEFAULT_READER,
    deployment: deploymentName as DeploymentName | undefined,
    blocks: fencedBlocks(page.text),
  };
});

/** The ```prisma blocks a page heads with the model file they are (`// tenant-models/gyms.prisma`), by file name. */
const modelFilesShown = (blocks: FencedBlock[]) =>
  Object.fromEntries(
    blocks
      .filter((block) => block.language === 'prisma')
      .map((block) => [/^\/\/ tenant-models\/(\S+\.prisma)\n/.exec(block.body), block] as const)
      .filter(([heading]) => heading)
      .map(([heading, block]) => [heading![1], block.body.slice(heading![0].length)]),
  );

test("a page on a deployment shows that deployment's model files as they are, every one of them", () => {
  const onDeployments = pages.filter((page) => page.deployment);
  expect(onDeployments.map((page) => page.file)).toContain('docs/own-model.md');
  for (const page of onDeployments) {
    const files = DEPLOYMENTS[page.deployment!].models.flatMap(modelFilesOf);
    expect({ page: page.file, models: modelFilesShown(page.blocks) }).toEqual({ page: page.file, models: Object.fromEntries(files) });
  }
});

/** The *.prisma files of a models folder: [name, text]. */
const modelFilesOf = (folder: string): Array<[string, string]> =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.prisma'))
    .map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]);

const operationOf = (query: string) => getOperationAST(parse(query))?.operation;
const isMutation = (query: string) => operationOf(query) === 'mutation';

const runs = (block: FencedBlock) => RUNNABLE.has(block.language) && !block.markers.includes(NO_RUN);
const where = (file: string, block: FencedBlock) => `${file}:${block.line}`;

function isGraphql(text: string): boolean {
  try {
    return getOperationAST(parse(text)) !== null;
  } catch {
    return false;
  }
}

test('every runnable block runs or says no-run, and no GraphQL operation hides in a block of another language', () => {
  const unknownMarkers = pages.flatMap(({ file, blocks }) =>
    blocks.filter((block) => block.markers.some((marker) => marker !== NO_RUN && marker !== NEEDS_MYSQL)).map((block) => where(file, block)),
  );
  const hidden = pages.flatMap(({ file, blocks }) =>
    blocks.filter((block) => block.language !== 'graphql' && isGraphql(block.body)).map((block) => where(file, block)),
  );
  expect({ unknownMarkers, hidden }).toEqual({ unknownMarkers: [], hidden: [] });
  expect(pages.flatMap(({ blocks }) => blocks.filter(runs)).length).toBeGreaterThan(50);
});

function whoRuns(body: string, reader: Who): Who {
  if (/^# signed out/.test(body)) return {};
  const named = /^# as ([^\s,:]+)(?: with X-Tenant: ([a-z0-9-]+))?/.exec(body);
  return named ? { login: named[1], tenant: named[2] } : reader;
}

/** The block's code on one line, without its comments, for the test's name. */
const title = (block: FencedBlock) => block.body.replace(/^\s*(#|\/\/).*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 70);

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Where an answer is empty: a list with nothing in it, a totalCount of 0, a root field's total or count of 0. */
function emptyParts(data: Record<string, unknown>): string[] {
  const walk = (value: unknown, path: string): string[] => {
    if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((item, i) => walk(item, `${path}.${i}`));
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([key, item]) => (key === 'totalCount' && item === 0 ? [`${path}.${key}`] : walk(item, `${path}.${key}`)));
  };
  return Object.entries(data).flatMap(([field, value]) => {
    const totals = value && typeof value === 'object' && !Array.isArray(value) ? (['total', 'count'] as const) : [];
    const zero = totals.filter((key) => (value as Record<string, unknown>)[key] === 0).map((key) => `${field}.${key}`);
    return [...zero, ...walk(value, field)];
  });
}

describe.each(tenantEngines)('with the demo tenants on %s', (engine) => {
  let gw: TestGateway;
  /** Access tokens by gateway and login: the demo logins', and those of accounts an example signed up. */
  const tokens = new Map<Served, Map<string, string>>();
  // Tenants go where the docs say: PostgreSQL unless an example names the shop-mysql server; all on MySQL in its run.
  const servers = engine === 'mysql' ? `shop-mysql=${MYSQL_URL}` : MYSQL_URL ? `main=${testServerUrl()},shop-mysql=${MYSQL_URL}` : undefined;
  const demoSettings = { DEMO: 'true', ...(servers ? { TENANT_SERVERS: servers } : {}) };

  beforeAll(async () => {
    gw = await startTestGateway({ engine, env: demoSettings });
    await ensureDemo(gw.services);
  }, 120_000);
  afterAll(async () => {
    await gw.close();
    // The PostgreSQL run's gateway leaves the MySQL tenants an example placed on shop-mysql.
    if (engine !== 'mysql' && MYSQL_URL) await dropMysqlDatabasesStartingWith(MYSQL_URL, gw.dbs.prefix);
  });

  async function tokenOf(login: string, on: Served = gw): Promise<string> {
    if (!tokens.has(on)) tokens.set(on, new Map());
    const known = tokens.get(on)!;
    if (!known.has(login)) {
      const answer = await on.request(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        variables: { e: login, p: DEMO_PASSWORD },
      });
      if (!answer.body.data) throw new Error(`${login} cannot sign in with the demo password, and no example signed it up`);
      known.set(login, answer.body.data.login.token);
    }
    return known.get(login)!;
  }

  /** Asks as `who`; a token that no longer works (an example logged it out) is replaced by a new sign-in once. */
  async function ask(query: string, who: Who, on: Served = gw) {
    const once = async () => on.request(query, { token: who.login && (await tokenOf(who.login, on)), tenant: who.tenant });
    let answer = await once();
    if (answer.status === 401 && who.login) {
      tokens.get(on)!.delete(who.login);
      answer = await once();
    }
    return answer;
  }

  describe.each(pages.filter(({ blocks }) => blocks.some(runs)))('$file', ({ file, reader, deployment: deploymentName, blocks }) => {
    /** The gateway this page's examples run on: the test gateway, or its deployment's, with the demo too. */
    let on: Served;
    /** host:port of that gateway, for the examples' localhost:4000. */
    let host: string;
    let own: DeploymentGateway | undefined;
    beforeAll(async () => {
      if (deploymentName) own = await startDeploymentGateway(await deployment(deploymentName), demoSettings);
      on = own ?? gw;
      host = new URL(on.url).host;
    }, 900_000);
    afterAll(() => own?.close());

    /** Every answer so far on this page, in order: where a later example's ids come from. */
    const answers: Array<Record<string, any>> = [];
    const subscriptions: Array<{ at: string; operation: WsOperation; close: () => Promise<void> }> = [];

    const earlier = (find: (answer: Record<string, any>) => unknown) => {
      const found = [...answers].reverse().map(find).find(Boolean);
      if (!found) throw new Error('no earlier example on this page answered with it');
      return String(found);
    };

    // Where a reader takes each value in angle brackets from.
    const values: Record<string, () => string> = {
      today: () => day(0),
      tomorrow: () => day(1),
      bankAccountId: () => earlier((a) => a.bankAccounts?.nodes[0]?.id),
      endCursor: () => earlier((a) => Object.values(a).find((list) => list?.pageInfo?.endCursor)?.pageInfo.endCursor),
      startCursor: () => earlier((a) => Object.values(a).find((list) => list?.pageInfo?.startCursor)?.pageInfo.startCursor),
      transactionId: () => earlier((a) => a.billingTransactions?.edges?.[0]?.node.id),
      jobId: () => earlier((a) => a.createTenant?.job.id),
      rolloutId: () => earlier((a) => a.startRollout?.id),
      refreshToken: () => earlier((a) => a.login?.refreshToken),
      invitationId: () => earlier((a) => a.inviteMember?.invitation.id),
      invitationToken: () => earlier((a) => a.inviteMember?.token),
      userId: () => earlier((a) => a.acceptInvitation?.member.userId),
      categoryId: () => earlier((a) => a.createCategory?.id),
      productId: () => earlier((a) => (a.shopProducts ?? a.products)?.edges?.[0]?.node.id),
      customerId: () => earlier((a) => a.customers?.edges?.[0]?.node.id),
      invoiceId: () => earlier((a) => a.createInvoice?.id),
      journalEntryId: () => earlier((a) => a.postJournalEntry?.id),
      orderId: () => earlier((a) => a.createOrder?.id),
      webhookId: () => earlier((a) => a.createWebhook?.webhook.id),
      deliveryId: () => earlier((a) => a.webhookDeliveries?.edges?.[0]?.node.id),
      apiKeyId: () => earlier((a) => a.createApiKey?.apiKey.id),
      gymId: () => earlier((a) => a.createGym?.id),
      trainerId: () => earlier((a) => a.createTrainer?.id),
      gymClassId: () => earlier((a) => a.createGymClass?.id),
      serviceId: () => earlier((a) => a.createService?.id),
      providerId: () => earlier((a) => a.createProvider?.id ?? a.providers?.nodes?.[0]?.id),
      slotStartsAt: () => earlier((a) => a.availableSlots?.[0]?.startsAt),
      classSessionId: () => earlier((a) => a.scheduleClass?.[0]?.id),
      bookingId: () => earlier((a) => (a.bookAppointment ?? a.bookClass)?.id),
      classServiceId: () => earlier((a) => a.services?.nodes?.find((service: { capacity: number }) => service.capacity > 1)?.id),
      appointmentServiceId: () => earlier((a) => a.services?.nodes?.find((service: { capacity: number }) => service.capacity === 1)?.id),
      otherCustomerId: () => earlier((a) => a.customers?.edges?.[1]?.node.id),
      classBookingId: () => earlier((a) => a.bookClass?.id),
      appointmentId: () => earlier((a) => a.bookAppointment?.id),
    };

    function valueOf(name: string): string {
      const daysAgo = /^(\d+) days ago$/.exec(name);
      if (daysAgo) return day(-Number(daysAgo[1]));
      const ahead = /^in (\d+) days? at (\d\d:\d\d) UTC$/.exec(name);
      if (ahead) return `${day(Number(ahead[1]))}T${ahead[2]}:00Z`;
      if (!values[name]) throw new Error(`the docs use "<${name}>", which this test does not know where to find`);
      return values[name]();
    }

    const filled = (text: string) => text.replace(/"<([^">]+)>"/g, (_, name: string) => JSON.stringify(valueOf(name)));

    async function runGraphql(block: FencedBlock) {
      const who = whoRuns(block.body, reader);
      const query = filled(block.body);
      if (operationOf(query) === 'subscription') {
        const token = who.login && (await tokenOf(who.login, on));
        const { client } = connectWs(on.url, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(who.tenant ? { tenant: who.tenant } : {}) });
        subscriptions.push({ at: where(file, block), operation: operate(client, query), close: async () => client.dispose() });
        return;
      }
      let { status, body } = await ask(query, who, on);
      const refusal = /^# refused with ([A-Z_]+)/m.exec(block.body)?.[1];
      if (refusal) {
        expect({ codes: body.errors?.map((error) => error.extensions.code), data: body.data ?? null }).toEqual({ codes: [refusal], data: null });
        return;
      }
      // What a mutation set off (a webhook delivery) may take a moment: a reader would ask again.
      for (let waited = 0; !isMutation(query) && status === 200 && !body.errors && emptyParts(body.data).length > 0 && waited < 5_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ({ status, body } = await ask(query, who, on));
      }
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      expect(emptyParts(body.data)).toEqual([]);
      if (body.data.signUp) tokens.get(on)!.set(body.data.signUp.user.email, body.data.signUp.token);
      answers.push(body.data);
    }

    async function runShell(block: FencedBlock) {
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', block.body.replaceAll('localhost:4000', host)], { timeout: 30_000 });
      const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(answer.errors).toBeUndefined();
      expect(emptyParts(answer.data)).toEqual([]);
    }

    async function runNode(block: FencedBlock) {
      // As the snippet's file would, it imports its packages from the project's node_modules.
      const env: Record<string, string> = { ...process.env, TOKEN: await tokenOf(reader.login!, on) };
      for (const [, name] of block.body.matchAll(/process\.env\.([A-Z_]+)/g)) {
        if (name !== 'TOKEN') env[name] = valueOf(name.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()));
      }
      const code = block.body.replaceAll('localhost:4000', host);
      const args = /\brequire\(/.test(code) ? ['-e', code] : ['--input-type=module', '-e', code];
      const { stdout } = await run(process.execPath, args, { cwd: root, env, timeout: 30_000 });
      for (const line of stdout.split('\n').filter((text) => text.startsWith('{'))) expect(JSON.parse(line).errors).toBeUndefined();
    }

    const runnable = blocks.filter(runs).filter((block) => !block.markers.includes(NEEDS_MYSQL) || MYSQL_URL);
    test.each(runnable.map((block) => [where(file, block), title(block), block]))('%s runs as written: %s', async (_, __, block) => {
      if (block.language === 'graphql') await runGraphql(block);
      else if (block.language === 'sh') await runShell(block);
      else await runNode(block);
    });

    if (runnable.some((block) => block.language === 'graphql' && /^\s*subscription\b/m.test(block.body))) {
      test('its subscriptions heard what they follow, without errors', async () => {
        try {
          for (const { at, operation } of subscriptions) {
            const first = await Promise.race([
              operation.until(() => true),
              new Promise((_, reject) => setTimeout(() => reject(new Error(`${at}: nothing heard within 10 s`)), 10_000)),
            ]);
            expect({ at, first }).toEqual({ at, first: { data: expect.anything() } });
          }
        } finally {
          await Promise.all(subscriptions.map((subscription) => subscription.close()));
        }
      });
    }
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
    const demo = await gw.services.platform.tenant.findMany({ where: { slug: { in: ['talanou', 'arya-jewelry', 'demo-shop'] } }, select: { engine: true } });
    expect(new Set(demo.map((t) => t.engine))).toEqual(new Set([engine === 'mysql' ? 'MYSQL' : 'POSTGRESQL']));
  });
});
