// The operator console in a real browser: a platform admin signs in and reads the demo
// fleet with its placement, watches a tenant created through the API being built
// (its progress bar moves with the provisioningProgress subscription) until it is
// ACTIVE, retries a failed job, suspends and resumes a tenant, follows a rollout, and
// looks at the servers and usage; a VIEWER is told the console is not for them; a
// tenant's OWNER sees only their tenant. Screenshots go to test-artifacts/.
import { randomBytes } from 'node:crypto';
import { tenantStorageName } from '../../src/db/identifiers';
import { withDatabase } from '../../src/db/urls';
import { DEMO_PASSWORD, PLATFORM_ADMIN_EMAIL, demoLogins } from '../../src/demo/demoData';
import { ensureDemo } from '../../src/demo/seedDemo';
import { openBrowser, type TestBrowser } from '../support/browser';
import { onServer, testServerUrl } from '../support/database';
import { holdMigrationLock } from '../support/jobBlockers';
import { takeBack } from '../support/schemaBehind';
import { createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
let browser: TestBrowser;
let consoleUrl: string;
/** A customer's own database (not named like the platform's, which a tenant may not bring). */
const BYO_DATABASE = `byo_console_${randomBytes(4).toString('hex')}`;

/** Requests of the demo tenants' owners, so the quota bars, charts and busiest tenants have something to show. */
async function someTraffic() {
  for (const [slug, calls] of [['talanou', 12], ['arya-jewelry', 7], ['demo-shop', 3]] as const) {
    const login = await gw.request('mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      variables: { email: demoLogins(slug).owner, password: DEMO_PASSWORD },
    });
    const as = { token: login.body.data.login.token, tenant: slug };
    for (let i = 0; i < calls; i++) await gw.request('{ products(first: 5) { totalCount } }', as);
    await gw.request('{ product(id: "00000000-0000-7000-8000-000000000000") { id } }', as);
  }
}

beforeAll(async () => {
  gw = await startTestGateway({ env: { DEMO: 'true' } });
  await ensureDemo(gw.services);
  await someTraffic();
  browser = await openBrowser();
  consoleUrl = new URL('/console', gw.url).href;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await onServer(`DROP DATABASE IF EXISTS "${BYO_DATABASE}" WITH (FORCE)`);
});

async function signInAs(email: string) {
  const { page } = browser;
  await page.goto(consoleUrl);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await signOut.or(page.getByRole('button', { name: 'Sign in' })).waitFor({ timeout: 30_000 });
  if (await signOut.isVisible()) await signOut.click();
  await page.getByRole('button', { name: email, exact: true }).click();
  await page.getByText(`Signed in as ${email}`).waitFor({ timeout: 30_000 });
}

const tenantRow = (slug: string) => browser.page.locator(`table.tenants tr[data-tenant="${slug}"]`);

test('a platform admin signs in and sees every demo tenant with the server it lives on', async () => {
  await signInAs(PLATFORM_ADMIN_EMAIL);
  const server = gw.services.servers.names()[0];
  for (const slug of ['talanou', 'arya-jewelry', 'demo-shop']) {
    await tenantRow(slug).waitFor({ timeout: 30_000 });
    expect(await tenantRow(slug).locator('td.server').innerText()).toBe(server);
    expect(await tenantRow(slug).innerText()).toContain('ACTIVE');
  }
  await browser.screenshot('console-tenants.png');
  expect(browser.requests.filter((url) => new URL(url).host !== new URL(gw.url).host)).toEqual([]);
}, 60_000);

test('a tenant created through the API shows in Jobs with a progress bar that moves, then is ACTIVE among the tenants', async () => {
  const { page } = browser;
  await signInAs(PLATFORM_ADMIN_EMAIL);
  const owner = await gw.createUser();
  // The job waits at its migrate step until the lock is released: the console sees it mid-way.
  const lock = await holdMigrationLock(gw.dbs.serverUrl, tenantStorageName(gw.dbs.prefix, 'console-shop'));
  try {
    await createTenantViaApi(gw, owner.token, { slug: 'console-shop', name: 'Console Shop' });
    const socket = page.waitForEvent('websocket', { timeout: 30_000 });
    await page.goto(`${consoleUrl}#/jobs`);
    const bar = page.locator('table.jobs tr[data-tenant="console-shop"] [role=progressbar]');
    await bar.waitFor({ timeout: 30_000 });
    const seen = new Set<number>();
    const sample = async () => seen.add(Number(await bar.getAttribute('aria-valuenow')));
    await sample();
    await browser.screenshot('console-jobs.png');
    await lock.release();
    const row = page.locator('table.jobs tr[data-tenant="console-shop"]');
    const deadline = Date.now() + 60_000;
    while (!(await row.getAttribute('class'))?.includes('SUCCEEDED') && Date.now() < deadline) {
      await sample();
      await page.waitForTimeout(25);
    }
    await sample();
    expect(await row.getAttribute('class')).toBe('SUCCEEDED');
    // Fed by the job's subscription: every table migrated moves the bar, far more often than the list is read again.
    expect((await socket).url()).toBe(new URL('/graphql', gw.url.replace(/^http/, 'ws')).href);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(Math.min(...seen)).toBeLessThan(100);
    expect(seen.has(100)).toBe(true);
  } finally {
    await lock.release().catch(() => {});
  }
  await page.goto(`${consoleUrl}#/tenants`);
  await tenantRow('console-shop').waitFor({ timeout: 30_000 });
  expect(await tenantRow('console-shop').innerText()).toContain('ACTIVE');
}, 90_000);

test('a failed job is listed first with its error, and its Retry button runs it again to the end', async () => {
  const { page } = browser;
  await signInAs(PLATFORM_ADMIN_EMAIL);
  const owner = await gw.createUser();
  // A database of its own that does not exist yet: the job fails at once, with advice.
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'byo-later', external: { url: withDatabase(testServerUrl(), BYO_DATABASE) } });
  expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({ status: 'FAILED' });

  await page.goto(`${consoleUrl}#/jobs`);
  const first = page.locator('table.jobs tbody tr').first();
  await first.locator('button', { hasText: 'Retry' }).waitFor({ timeout: 30_000 });
  expect(await first.getAttribute('data-tenant')).toBe('byo-later');
  expect(await first.innerText()).toContain('the database named in the URL does not exist');

  // Filtered by status (the query's argument) and by tenant (the list's rows).
  const statusFilter = page.getByLabel('filter jobs by status');
  await statusFilter.selectOption('SUCCEEDED');
  await page.locator('table.jobs tr.FAILED').first().waitFor({ state: 'detached' });
  expect(await page.locator('table.jobs tbody tr').count()).toBeGreaterThan(0);
  await statusFilter.selectOption('');
  await page.getByLabel('filter jobs by tenant').fill('byo');
  await page.locator('table.jobs tr[data-tenant="console-shop"]').waitFor({ state: 'detached' });
  const rows = await page.locator('table.jobs tbody tr').all();
  expect(await Promise.all(rows.map((row) => row.getAttribute('data-tenant')))).toEqual(['byo-later']);

  await onServer(`CREATE DATABASE "${BYO_DATABASE}"`);
  await first.locator('button', { hasText: 'Retry' }).click();
  await page.locator('table.jobs tr.SUCCEEDED[data-tenant="byo-later"]').waitFor({ timeout: 60_000 });
  expect((await gw.services.registry.find('byo-later'))?.status).toBe('ACTIVE');
}, 90_000);

test('a platform admin suspends a tenant from its page, with a reason, and resumes it', async () => {
  const { page } = browser;
  await signInAs(PLATFORM_ADMIN_EMAIL);
  await page.goto(`${consoleUrl}#/tenants/demo-shop`);
  await page.getByRole('button', { name: 'Suspend' }).waitFor({ timeout: 30_000 });
  page.once('dialog', (dialog) => dialog.accept('invoice unpaid'));
  await page.getByRole('button', { name: 'Suspend' }).click();
  await page.getByRole('button', { name: 'Resume' }).waitFor();
  expect(await page.locator('h1 .status').innerText()).toBe('SUSPENDED');
  expect(await page.locator('.card', { hasText: 'Standing' }).innerText()).toContain('invoice unpaid');
  // Its own lists are refused while it is suspended, and say so.
  expect(await page.locator('.card', { hasText: 'Members' }).innerText()).toContain('suspended');
  await browser.screenshot('console-suspended.png');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('button', { name: 'Suspend' }).waitFor();
  expect(await page.locator('h1 .status').innerText()).toBe('ACTIVE');
}, 60_000);

test('a rollout of the fleet shows under Jobs, its bar at 100% once it SUCCEEDED', async () => {
  const { page } = browser;
  await signInAs(PLATFORM_ADMIN_EMAIL);
  const owner = await gw.createUser();
  await takeBack(gw.services, await gw.createTenant({ slug: 'behind-shop', owner })); // one migration behind this release
  const admin = await gw.createUser({ platformAdmin: true });
  const started = await gw.request('mutation { startRollout(input: {}) { id } }', { token: admin.token });
  const id = started.body.data.startRollout.id;
  await page.goto(`${consoleUrl}#/jobs`);
  const row = page.locator(`table.rollouts tr[data-rollout="${id}"]`);
  await page.locator(`table.rollouts tr.SUCCEEDED[data-rollout="${id}"]`).waitFor({ timeout: 60_000 });
  expect(await row.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('100');
}, 90_000);

test('a platform admin reads the servers and the fleet’s usage', async () => {
  const { page } = browser;
  await signInAs(PLATFORM_ADMIN_EMAIL);
  await page.goto(`${consoleUrl}#/servers`);
  const server = page.locator(`table.servers tr[data-server="${gw.services.servers.names()[0]}"]`);
  await server.waitFor({ timeout: 30_000 });
  expect(await server.innerText()).toContain('yes');
  await browser.screenshot('console-servers.png');
  await page.goto(`${consoleUrl}#/usage`);
  await page.getByText('Top tenants by requests').waitFor();
  expect(await page.locator('.chart canvas').count()).toBe(2);
  const busiest = page.locator('table.top tbody tr');
  await busiest.first().waitFor();
  expect(await busiest.allInnerTexts()).toEqual([expect.stringMatching(/^talanou.*\t13\t1\t/), expect.stringMatching(/^arya-jewelry.*\t8\t1\t/), expect.stringMatching(/^demo-shop.*\t4\t1\t/)]);
  await browser.screenshot('console-usage.png');
}, 60_000);

test('a VIEWER is told the console is not for them, and cannot open their tenant in it', async () => {
  const { page } = browser;
  const { viewer } = demoLogins('talanou');
  await signInAs(viewer);
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('for platform admins and for the owners and admins of a tenant. You are VIEWER of talanou');
  await page.goto(`${consoleUrl}#/tenants/talanou`);
  await page.getByRole('alert').waitFor();
  expect(await page.locator('table').count()).toBe(0);
  await browser.screenshot('console-viewer.png');
}, 60_000);

test('a tenant OWNER sees only their tenant, and opens it', async () => {
  const { page } = browser;
  const { owner } = demoLogins('talanou');
  await signInAs(owner);
  await tenantRow('talanou').waitFor({ timeout: 30_000 });
  expect(await page.locator('table.tenants tbody tr').count()).toBe(1);
  await tenantRow('talanou').click();
  await page.getByRole('heading', { name: 'Members' }).waitFor();
  expect(await page.locator('.card', { hasText: 'Members' }).innerText()).toContain(owner);
  await page.locator('.chart canvas').first().waitFor();
  await browser.screenshot('console-tenant.png');
  // Another tenant is not theirs to open.
  await page.goto(`${consoleUrl}#/tenants/arya-jewelry`);
  expect(await page.getByRole('alert').innerText()).toContain('You may not open arya-jewelry');
  expect(browser.errors).toEqual([]);
}, 60_000);
