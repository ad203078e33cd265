// The invoicing enums, as the generated graph registers them (src/graph), for the
// resolvers' arguments and inputs (commerce's too: an order is paid by a PaymentMethod).
import type * as TenantEnums from '../../generated/tenant/enums';
import { tenantEnum } from '../../graph/modelTypes';

export const InvoiceKind = tenantEnum<TenantEnums.InvoiceKind>('InvoiceKind');
export type InvoiceKind = TenantEnums.InvoiceKind;
export const InvoiceStatus = tenantEnum<TenantEnums.InvoiceStatus>('InvoiceStatus');
export type InvoiceStatus = TenantEnums.InvoiceStatus;
export const PaymentMethod = tenantEnum<TenantEnums.PaymentMethod>('PaymentMethod');
export type PaymentMethod = TenantEnums.PaymentMethod;
