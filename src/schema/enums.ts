// The platform's Prisma enums, exposed in the GraphQL schema under the same names and
// values. The tenant model's are registered by its generated graph (src/graph) and named
// by the module that has them (src/modules/<module>/enums.ts).
import { registerEnumType } from 'type-graphql';
import { DeliveryStatus, ExportOrigin, ExportStatus, Isolation, JobKind, JobStatus, MemberRole, RolloutCohortStatus, RolloutStatus, RolloutTenantStatus, TenantEngine, TenantStatus } from '../generated/platform/enums';

registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(Isolation, { name: 'Isolation', description: 'DATABASE: its own database. SCHEMA: its own schema in a shared database. POOL (PostgreSQL only): its rows in shared tables under row-level security.' });
registerEnumType(TenantEngine, { name: 'TenantEngine', description: 'Where the tenant’s tables live: POSTGRESQL, or MYSQL (MySQL 8 or MariaDB 10.6+).' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant.' });
registerEnumType(JobKind, {
  name: 'JobKind',
  description: 'PROVISION builds a new tenant (from an export, with restoreFrom); DROP removes an archived tenant’s data; EXPORT writes an archive of its data; RESTORE replaces its data with an export’s.',
});
registerEnumType(ExportStatus, { name: 'ExportStatus', description: 'PENDING: being written. READY: downloadable and restorable. FAILED: its job failed. DELETED: the archive is gone.' });
registerEnumType(ExportOrigin, { name: 'ExportOrigin', description: 'REQUESTED by exportTenant, SCHEDULED by the backup policy, or UPLOADED (POST /exports).' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(RolloutStatus, {
  name: 'RolloutStatus',
  description: 'RUNNING: migrating (or waiting for a worker). HALTED: a failure beyond its budget stopped it; resumeRollout or cancelRollout. SUCCEEDED: every cohort done. CANCELLED: stopped by cancelRollout.',
});
registerEnumType(RolloutCohortStatus, { name: 'RolloutCohortStatus' });
registerEnumType(RolloutTenantStatus, {
  name: 'RolloutTenantStatus',
  description: 'SKIPPED: not migrated, because it was not serving or another job had it; resumeRollout tries it again.',
});
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING: being attempted or waiting for a retry. FAILED: every attempt failed.' });

export { DeliveryStatus, ExportOrigin, ExportStatus, Isolation, TenantEngine, JobKind, JobStatus, MemberRole, RolloutCohortStatus, RolloutStatus, RolloutTenantStatus, TenantStatus };
