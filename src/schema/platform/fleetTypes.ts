// GraphQL types of the fleet as an operator reads it: database servers, usage per
// day over several tenants, the busiest tenants.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TenantEngine } from '../enums';
import { DateScalar } from '../scalars';
import { Tenant } from './types';

@ObjectType({ description: 'A database server of TENANT_SERVERS and this gateway process’s connections to it (through its pooler when it has one).' })
export class DatabaseServer {
  @Field(() => String, { description: 'Its name in TENANT_SERVERS; never its URL.' }) name!: string;
  @Field(() => TenantEngine) engine!: TenantEngine;
  @Field(() => Boolean, { description: 'Requests reach it through a pooler (PgBouncer) in front of it.' }) pooled!: boolean;
  @Field(() => Int, { description: 'Tenants whose data is on it (archived ones until their data is dropped).' }) tenants!: number;
  @Field(() => Int, { description: 'Connections open to it now, busy or idle.' }) openConnections!: number;
  @Field(() => Int) idleConnections!: number;
  @Field(() => Int, { description: 'The most connections this process opens to it (SERVER_POOL_SIZE).' }) maxConnections!: number;
  @Field(() => Int, { description: 'Requests waiting for a connection now.' }) waiting!: number;
  @Field(() => Int, { description: 'Requests that had to wait for a connection, since the process started.' }) waits!: number;
  @Field(() => Int, { description: 'Requests that waited in vain (DB_ACQUIRE_TIMEOUT_MS) and failed, since the process started.' }) timeouts!: number;
  @Field(() => Boolean, { description: 'It answered SELECT 1 just now, within the connect timeout.' }) reachable!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Its pooler answered SELECT 1 just now, within the connect timeout; null when it has none.' })
  poolerReachable!: boolean | null;
}

@ObjectType({ description: 'API calls of several tenants together (the fleet, or one tenant) on one UTC day.' })
export class UsageTotal {
  @Field(() => DateScalar) day!: string;
  @Field(() => Int) apiCalls!: number;
  @Field(() => Int) apiErrors!: number;
  @Field(() => Float, { nullable: true, description: '95% of the calls took at most this long, in ms (see UsageDay.p95LatencyMs); null when none was timed.' })
  p95LatencyMs!: number | null;
}

@ObjectType({ description: 'One tenant’s API calls over a period.' })
export class TenantUsage {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => Int) apiCalls!: number;
  @Field(() => Int) apiErrors!: number;
  @Field(() => Float, { nullable: true, description: '95% of its calls took at most this long, in ms; null when none was timed.' }) p95LatencyMs!: number | null;
}
