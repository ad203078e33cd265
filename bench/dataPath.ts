// `npm run bench:datapath`: the tenant data path alone, without HTTP or GraphQL, for
// one tenant against random tenants: the ceiling of what the gateway can reach with
// many tenants on this machine. It provisions BENCH_TENANTS (BENCH_SCHEMA_SHARE in
// schemas, the rest with a database each), then 32 concurrent loops each take the
// tenant's lease and answer the product page with its planned statement
// (plannedRead: the server pool, PostgreSQL), for BENCH_SECONDS after as long a
// warm-up, first always for one tenant, then for a uniformly random one.
// It drops everything it made. PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { createLogger } from '../src/logger';
import { plannedRead, type RootRead } from '../src/planner/plannedRead';
import { gatewaySchema } from '../src/schema/buildSchema';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { describeMachine, printTable } from './machine';
import { productionGateway } from './processes';
import { provisionFleet } from './tenantFleet';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const SCHEMA_SHARE = Number(process.env.BENCH_SCHEMA_SHARE ?? 0.8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 32;
const SERVER_POOL_SIZE = process.env.SERVER_POOL_SIZE ?? '20';

const PRODUCT_PAGE = '{ products(first: 5) { nodes { id name price category { name } } } }';
const READ: RootRead = { kind: 'list', args: { first: 5 } };

/** What graphql-js hands the products resolver for the product page. */
function productPageInfo(): GraphQLResolveInfo {
  const operation = parse(PRODUCT_PAGE).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const schema = gatewaySchema();
  const returnType = schema.getQueryType()!.getFields().products.type;
  return { fieldName: 'products', fieldNodes: [field], fragments: {}, variableValues: {}, schema, returnType } as unknown as GraphQLResolveInfo;
}

async function benchmark(server: string) {
  const { prefix, platformUrl, env } = productionGateway(server);
  const log = createLogger('silent');
  const schemaTenants = Math.round(TENANTS * SCHEMA_SHARE);
  console.log(
    `the data path alone, ${TENANTS} tenants (${schemaTenants} SCHEMA, ${TENANTS - schemaTenants} DATABASE), ${SECONDS}s per run, ${CONCURRENCY} at once, SERVER_POOL_SIZE ${SERVER_POOL_SIZE}\n${await describeMachine(server)}\n`,
  );
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', SERVER_POOL_SIZE }), { platformUrl, log });
  try {
    const { slugs } = await provisionFleet(services, { tenants: TENANTS, schemaTenants });
    const tenants = (await Promise.all(slugs.map((slug) => services.registry.find(slug)))) as TenantRecord[];
    const info = productPageInfo();
    /** Answers per second, `pick` choosing the tenant of each. */
    async function run(pick: () => TenantRecord, seconds: number): Promise<number> {
      const until = performance.now() + seconds * 1000;
      let answered = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < until) {
            const lease = services.pool.acquire(pick());
            try {
              await plannedRead(lease.target, 'OWNER', info, READ, true);
            } finally {
              lease.release();
            }
            answered++;
          }
        }),
      );
      return answered / seconds;
    }
    const runs: Array<[string, () => TenantRecord]> = [
      ['one tenant', () => tenants[0]],
      ['random tenants, uniform', () => tenants[Math.floor(Math.random() * tenants.length)]],
    ];
    const rows: Array<Array<string | number>> = [];
    let reference = 0;
    for (const [name, pick] of runs) {
      await run(pick, SECONDS);
      const perSecond = await run(pick, SECONDS);
      reference ||= perSecond;
      rows.push([name, perSecond.toFixed(0), `${((perSecond / reference) * 100).toFixed(0)}%`]);
    }
    printTable(['product page, planned statement only', 'answers/s', 'of one tenant'], rows);
  } finally {
    await closeServices(services);
    await dropBenchDatabases(server, prefix);
  }
}

runBenchmark(benchmark);
