// Prisma's enums, exposed in the GraphQL schema under the same names and values. The
// tenant model's are registered with its generated graph (src/graph) and named here.
import { registerEnumType } from 'type-graphql';
import { DeliveryStatus, Isolation, JobKind, JobStatus, MemberRole, TenantEngine, TenantStatus } from '../generated/platform/enums';
import type * as TenantEnums from '../generated/tenant/enums';
import { tenantEnum } from '../graph/modelTypes';
import type { Grouping } from '../domain/reports/periods';
import type { SalesGrouping as SalesGroupingName } from '../domain/reports/salesReport';

registerEnumType(TenantStatus, { name: 'TenantStatus' });
registerEnumType(Isolation, { name: 'Isolation', description: 'DATABASE: its own database. SCHEMA: its own schema in a shared database.' });
registerEnumType(TenantEngine, { name: 'TenantEngine', description: 'Where the tenant’s tables live: POSTGRESQL, or MYSQL (MySQL 8 or MariaDB 10.6+).' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant.' });
registerEnumType(JobKind, { name: 'JobKind', description: 'PROVISION builds a new tenant; MIGRATE applies new migrations; DROP removes an archived tenant’s data.' });
registerEnumType(JobStatus, { name: 'JobStatus' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'PENDING: being attempted or waiting for a retry. FAILED: every attempt failed.' });

export const ProductKind = tenantEnum<TenantEnums.ProductKind>('ProductKind');
export type ProductKind = TenantEnums.ProductKind;
export const InvoiceKind = tenantEnum<TenantEnums.InvoiceKind>('InvoiceKind');
export type InvoiceKind = TenantEnums.InvoiceKind;
export const InvoiceStatus = tenantEnum<TenantEnums.InvoiceStatus>('InvoiceStatus');
export type InvoiceStatus = TenantEnums.InvoiceStatus;
export const OrderStatus = tenantEnum<TenantEnums.OrderStatus>('OrderStatus');
export type OrderStatus = TenantEnums.OrderStatus;
export const PaymentMethod = tenantEnum<TenantEnums.PaymentMethod>('PaymentMethod');
export type PaymentMethod = TenantEnums.PaymentMethod;
export const StockMovementType = tenantEnum<TenantEnums.StockMovementType>('StockMovementType');
export type StockMovementType = TenantEnums.StockMovementType;

export const SalesGrouping: { [K in SalesGroupingName]: K } = { DAY: 'DAY', MONTH: 'MONTH' };
registerEnumType(SalesGrouping, { name: 'SalesGrouping', description: "Days or months in the tenant's time zone." });

export const EventGrouping: { [K in Grouping]: K } = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(EventGrouping, { name: 'EventGrouping', description: 'Days, ISO weeks (from Monday) or months, in the time zone counted in.' });

export { DeliveryStatus, Isolation, TenantEngine, JobKind, JobStatus, MemberRole, TenantStatus };
