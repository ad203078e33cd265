// The data path of a tenant read, without HTTP or GraphQL: the tenant's lease and the
// root field's planned statement (plannedRead: the server pool, PostgreSQL), as the
// gateway's resolver runs them, in many loops at once. What it answers per second is
// the ceiling of what the gateway can reach for the same tenants on this machine.
import { getArgumentValues } from 'graphql/execution/values';
import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { plannedRead, type RootRead } from '../src/planner/plannedRead';
import type { ListArgs } from '../src/planner/statement';
import { gatewaySchema } from '../src/schema/buildSchema';
import type { Services } from '../src/services';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { processCpuMs } from './cpuUse';
import type { FLEET_SETTINGS } from './fleetSettings';

/** What graphql-js hands the resolver of `query`'s root field (a list), and what the resolver reads with it. */
function rootListRead(query: string): { info: GraphQLResolveInfo; read: RootRead } {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const schema = gatewaySchema();
  const definition = schema.getQueryType()!.getFields()[field.name.value];
  const info = { fieldName: field.name.value, fieldNodes: [field], fragments: {}, variableValues: {}, schema, returnType: definition.type } as unknown as GraphQLResolveInfo;
  return { info, read: { kind: 'list', args: getArgumentValues(definition, field) as ListArgs } };
}

export interface DataPathRate {
  answersPerSecond: number;
  /** This process's CPU over the run's wall time: 1 is a core, all a Node process's JavaScript can have. */
  cpuOfCore: number;
}

/** Answers per second over `seconds`, `pick` choosing each answer's tenant. */
async function measure(services: Pick<Services, 'pool' | 'config'>, query: string, pick: () => TenantRecord, seconds: number, concurrency: number): Promise<DataPathRate> {
  const { info, read } = rootListRead(query);
  const cpuBefore = processCpuMs(process.pid)!;
  const until = performance.now() + seconds * 1000;
  let answered = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const lease = services.pool.acquire(pick());
        try {
          await plannedRead(lease.target, 'OWNER', info, read, services.config.plannedReads);
        } finally {
          lease.release();
        }
        answered++;
      }
    }),
  );
  return { answersPerSecond: answered / seconds, cpuOfCore: (processCpuMs(process.pid)! - cpuBefore) / (seconds * 1000) };
}

/** The data path's answers per second for `query`, as many loops at once as the gateway gets connections: always `tenants[0]`, then a uniformly random tenant of `tenants` each time. */
export async function dataPathRates(
  services: Pick<Services, 'pool' | 'config'>,
  tenants: TenantRecord[],
  query: string,
  { seconds, warmupSeconds, connections }: Pick<typeof FLEET_SETTINGS, 'seconds' | 'warmupSeconds' | 'connections'>,
): Promise<{ oneTenant: DataPathRate; random: DataPathRate }> {
  const measured = async (pick: () => TenantRecord) => {
    await measure(services, query, pick, warmupSeconds, connections);
    return measure(services, query, pick, seconds, connections);
  };
  const oneTenant = await measured(() => tenants[0]);
  const random = await measured(() => tenants[Math.floor(Math.random() * tenants.length)]);
  return { oneTenant, random };
}
