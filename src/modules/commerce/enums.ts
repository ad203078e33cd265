// The shop's enums, as the generated graph registers them (src/graph), for its
// resolvers' arguments and inputs.
import type * as TenantEnums from '../../generated/tenant/enums';
import { tenantEnum } from '../../graph/modelTypes';

export const OrderStatus = tenantEnum<TenantEnums.OrderStatus>('OrderStatus');
export type OrderStatus = TenantEnums.OrderStatus;
