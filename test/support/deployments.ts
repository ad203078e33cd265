// Deployments of this project with tenant models of their own, as a user makes one
// (scripts/build-deployment.cjs: the models in tenant-models/, migration:create, build),
// and their gateways run as processes from the deployment's dist/. A deployment is
// built once per change of the sources and shared by every test file and docs page
// that names it, so a run builds each at most once.
import path from 'node:path';
import { buildDeployment, type Deployment } from '../../scripts/build-deployment.cjs';
import { CUSTOMER_COLUMNS } from '../fixtures/deploymentEdits';
import { testDatabases, type TestDatabases } from './database';
import { dbCommandOf, runDb, type DbRun } from './dbCommand';
import { processEnv, startGatewayProcess, type GatewayProcess } from './gatewayProcess';
import { dropMysqlDatabasesStartingWith } from '../../src/db/dropDatabases';
import { MYSQL_URL } from './mysqlDatabase';
import { createTenantViaApi, finishedJob } from './provisioning';
import { graphqlRequest, TEST_PASSWORD, type GraphQLResponse, type RequestOptions } from './testGateway';

const root = path.resolve(__dirname, '../..');

/** The deployments tests and docs pages use, by name. */
export const DEPLOYMENTS = {
  /** The gym of docs/own-model.md (test/fixtures/tenant-models/gym), and two columns more on Customer. */
  gym: { models: [path.join(root, 'test/fixtures/tenant-models/gym')], edits: [CUSTOMER_COLUMNS] },
};

export type DeploymentName = keyof typeof DEPLOYMENTS;

/** The deployment `name`, built (or already built in this or an earlier run, from the same sources). */
export const deployment = (name: DeploymentName): Promise<Deployment> => buildDeployment({ name, ...DEPLOYMENTS[name] });

export interface DeploymentUser {
  id: string;
  email: string;
  token: string;
}

export interface DeploymentGateway {
  url: string;
  process: GatewayProcess;
  dbs: TestDatabases;
  /** The settings it runs with (the platform database, TENANT_SERVERS, ...), for the db command. */
  env: Record<string, string>;
  request<T = any>(query: string, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** A user signed up through the API, with the test password. */
  signUp(email: string): Promise<DeploymentUser>;
  /** A tenant made through createTenant, once its job SUCCEEDED; `members` join through invitations. */
  createTenant(owner: DeploymentUser, input: { slug: string; [field: string]: unknown }, members?: Array<[DeploymentUser, string]>): Promise<void>;
  /** `npm run db -- <args>` of the deployment, with the gateway's settings. */
  db(args: string[]): Promise<DbRun>;
  /** Stops the process, drops its databases (and MySQL ones). */
  close(): Promise<void>;
}

/**
 * The gateway of `built` as a process, on a platform of its own on the test server;
 * with a MySQL server in the run, TENANT_SERVERS names it `mysql` beside `main`.
 */
export async function startDeploymentGateway(built: Deployment, env: Record<string, string> = {}): Promise<DeploymentGateway> {
  const dbs = testDatabases();
  const settings = {
    ...processEnv(dbs),
    ...(MYSQL_URL ? { TENANT_SERVERS: `main=${dbs.serverUrl},mysql=${MYSQL_URL}` } : {}),
    ...env,
  };
  const gateway = await startGatewayProcess(settings, path.join(built.dir, 'dist/src/main.js'));
  const request = <T>(query: string, options?: RequestOptions) => graphqlRequest<T>(gateway.url, query, options);
  const ok = async (query: string, options: RequestOptions): Promise<any> => {
    const { body } = await request(query, options);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return {
    url: gateway.url,
    process: gateway,
    dbs,
    env: settings,
    request,
    async signUp(email) {
      const { signUp } = await ok('mutation($e: String!, $p: String!) { signUp(input: { email: $e, password: $p, name: $e }) { token user { id } } }', {
        variables: { e: email, p: TEST_PASSWORD },
      });
      return { id: signUp.user.id, email, token: signUp.token };
    },
    async createTenant(owner, input, members = []) {
      const { job } = await createTenantViaApi({ request }, owner.token, input);
      const finished = await finishedJob({ request }, owner.token, job.id, 120_000);
      if (finished.status !== 'SUCCEEDED') throw new Error(`tenant ${input.slug}: ${JSON.stringify(finished)}`);
      for (const [user, role] of members) {
        const { inviteMember } = await ok('mutation($e: String!, $r: MemberRole!) { inviteMember(email: $e, role: $r) { token } }', {
          token: owner.token,
          tenant: input.slug,
          variables: { e: user.email, r: role },
        });
        await ok('mutation($t: String!) { acceptInvitation(token: $t) { member { role } } }', { token: user.token, variables: { t: inviteMember.token } });
      }
    },
    db: (args) => runDb(args, { ...process.env, ...settings }, dbCommandOf(built.dir)),
    async close() {
      await gateway.stop();
      await dbs.drop();
      if (MYSQL_URL) await dropMysqlDatabasesStartingWith(MYSQL_URL, dbs.prefix);
    },
  };
}
