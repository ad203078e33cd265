// The catalogue's enums, as the generated graph registers them (src/graph), for its
// resolvers' arguments and inputs.
import type * as TenantEnums from '../../generated/tenant/enums';
import { tenantEnum } from '../../graph/modelTypes';

export const ProductKind = tenantEnum<TenantEnums.ProductKind>('ProductKind');
export type ProductKind = TenantEnums.ProductKind;
