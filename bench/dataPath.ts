// Scratch: the data path alone (registry, pool, planned statement, PostgreSQL) for one tenant vs random tenants.
import 'reflect-metadata';
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/db/platformDatabase';
import { createLogger } from '../src/logger';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import { plannedRead } from '../src/planner/plannedRead';
import { gatewaySchema } from '../src/schema/buildSchema';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { fillTenant } from './fillTenant';
import { productionGateway } from './processes';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const SCHEMA_ONLY = process.env.SCHEMA_ONLY === '1';
const DB_ONLY = process.env.DB_ONLY === '1';

function infoOf(document: string): GraphQLResolveInfo {
  const ast = parse(document);
  const operation = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const schema = gatewaySchema();
  return { fieldName: field.name.value, fieldNodes: [field], fragments: {}, variableValues: {}, schema, returnType: schema.getQueryType()!.getFields()[field.name.value].type } as unknown as GraphQLResolveInfo;
}

async function benchmark(server: string) {
  const { prefix, platformUrl, env } = productionGateway(server);
  const log = createLogger('silent');
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', SERVER_POOL_SIZE: process.env.SERVER_POOL_SIZE ?? '20' }), { platformUrl, log });
  try {
    const user = await services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
    const slugs = Array.from({ length: TENANTS }, (_, i) => `t${String(i).padStart(5, '0')}`);
    const isolationOf = (i: number) => (SCHEMA_ONLY ? 'SCHEMA' : DB_ONLY ? 'DATABASE' : i % 5 === 4 ? 'DATABASE' : 'SCHEMA');
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < slugs.length) {
        const i = next++;
        const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug: slugs[i], name: slugs[i], isolation: isolationOf(i), planCode: 'enterprise', ownerId: user.id }));
        await fillTenant(services, await provisionTenant(services, record.id), { categories: 3, products: 10, customers: 3, invoices: 5, itemsPerInvoice: 2 });
      }
    }));
    const info = infoOf('{ products(first: 5) { edges { node { id name price category { name } } } } }');
    const read = { kind: 'connection', type: 'Product', where: [], direction: 'asc', page: { first: 5 } } as const;
    const tenants = await Promise.all(slugs.map((s) => services.registry.find(s)));
    async function run(pick: () => number, seconds: number) {
      const until = performance.now() + seconds * 1000;
      let done = 0;
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (performance.now() < until) {
          const lease = services.pool.acquire(tenants[pick()]!);
          try {
            await plannedRead(lease.target, info, read as never, true);
          } finally {
            lease.release();
          }
          done++;
        }
      }));
      return done / seconds;
    }
    const one = () => 0;
    const uniform = () => Math.floor(Math.random() * TENANTS);
    await run(one, 5);
    const a = await run(one, 10);
    await run(uniform, 10);
    const b = await run(uniform, 10);
    console.log(`data path alone, ${TENANTS} tenants (${SCHEMA_ONLY ? 'all SCHEMA' : DB_ONLY ? 'all DATABASE' : '80% SCHEMA'}), pool ${process.env.SERVER_POOL_SIZE ?? 20}: one tenant ${a.toFixed(0)}/s, uniform ${b.toFixed(0)}/s (${((b / a) * 100).toFixed(0)}%)`);
  } finally {
    await closeServices(services);
    await dropBenchDatabases(server, prefix);
  }
}

runBenchmark(benchmark);
