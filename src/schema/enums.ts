// The platform's Prisma enums, exposed in the GraphQL schema under the same names and
// values. The tenant model's are registered by its generated graph (src/graph) and named
// by the module that has them (src/modules/<module>/enums.ts).
import { registerEnumType } from 'type-graphql';
import { DeliveryStatus, Isolation, JobKind, JobStatus, MemberRole, TenantEngine, TenantStatus } from '../generated/platform/enums';

registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(Isolation, { name: 'Isolation', description: 'DATABASE: its own database. SCHEMA: its own schema in a shared database. POOL (PostgreSQL only): its rows in shared tables under row-level security.' });
registerEnumType(TenantEngine, { name: 'TenantEngine', description: 'Where the tenant’s tables live: POSTGRESQL, or MYSQL (MySQL 8 or MariaDB 10.6+).' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant.' });
registerEnumType(JobKind, { name: 'JobKind', description: 'PROVISION builds a new tenant; MIGRATE applies new migrations; DROP removes an archived tenant’s data.' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING: being attempted or waiting for a retry. FAILED: every attempt failed.' });

export { DeliveryStatus, Isolation, TenantEngine, JobKind, JobStatus, MemberRole, TenantStatus };
