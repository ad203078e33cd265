// Prisma's enums, exposed in the GraphQL schema under the same names and values.
import { registerEnumType } from 'type-graphql';
import { DeliveryStatus, Isolation, JobKind, JobStatus, MemberRole, TenantEngine, TenantStatus } from '../generated/platform/enums';
import { AccountType, InvoiceKind, InvoiceStatus, OrderStatus, PaymentMethod, ProductKind, StockMovementType } from '../generated/tenant/enums';
import type { Grouping } from '../domain/reports/periods';
import type { SalesGrouping as SalesGroupingName } from '../domain/reports/salesReport';

registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(Isolation, { name: 'Isolation', description: 'DATABASE: its own database. SCHEMA: its own schema in a shared database.' });
registerEnumType(TenantEngine, { name: 'TenantEngine', description: 'Where the tenant’s tables live: POSTGRESQL, or MYSQL (MySQL 8 or MariaDB 10.6+).' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant.' });
registerEnumType(JobKind, { name: 'JobKind', description: 'PROVISION builds a new tenant; MIGRATE applies new migrations; DROP removes an archived tenant’s data.' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING: being attempted or waiting for a retry. FAILED: every attempt failed.' });
registerEnumType(ProductKind, { name: 'ProductKind' });
registerEnumType(InvoiceKind, { name: 'InvoiceKind', description: 'TRADE: a sale against which the customer trades items in (old gold).' });
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'PENDING -> PAID -> FULFILLED; PARTIALLY_REFUNDED or REFUNDED once money is given back; CANCELLED before fulfilment.' });
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: 'CASH posts to the till; the others to the bank.' });
registerEnumType(AccountType, { name: 'AccountType' });
registerEnumType(StockMovementType, { name: 'StockMovementType' });

export const SalesGrouping: { [K in SalesGroupingName]: K } = { DAY: 'DAY', MONTH: 'MONTH' };
registerEnumType(SalesGrouping, { name: 'SalesGrouping', description: "Days or months in the tenant's time zone." });

export const EventGrouping: { [K in Grouping]: K } = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(EventGrouping, { name: 'EventGrouping', description: 'Days, ISO weeks (from Monday) or months, in the time zone counted in.' });

export { DeliveryStatus, Isolation, TenantEngine, JobKind, JobStatus, MemberRole, TenantStatus, InvoiceKind, InvoiceStatus, OrderStatus, PaymentMethod, ProductKind, AccountType, StockMovementType };
