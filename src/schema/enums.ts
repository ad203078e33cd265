// Prisma's enums, exposed in the GraphQL schema under the same names and values.
import { registerEnumType } from 'type-graphql';
import { Isolation, JobKind, JobStatus, MemberRole, TenantStatus } from '../generated/platform/enums';
import { InvoiceKind, InvoiceStatus, PaymentMethod, ProductKind } from '../generated/tenant/enums';

registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(Isolation, { name: 'Isolation', description: 'DATABASE: its own database. SCHEMA: its own schema in a shared database.' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant.' });
registerEnumType(JobKind, { name: 'JobKind', description: 'PROVISION builds a new tenant; MIGRATE applies new migrations; DROP removes an archived tenant’s data.' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'TRADE: a sale against which the customer trades items in (old gold).' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

export { Isolation, JobKind, JobStatus, MemberRole, TenantStatus, InvoiceKind, InvoiceStatus, PaymentMethod, ProductKind };
