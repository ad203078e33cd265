// How long a string each tenant column holds, on every engine a tenant may be on
// (the least of them), as the build read it from the Prisma schemas
// (scripts/column-lengths.cjs). Input is checked against it before any database
// work, so a MySQL tenant and a PostgreSQL one refuse the same values alike.
import { COLUMN_LENGTHS } from '../generated/columnLengths';

export type TenantModelName = keyof typeof COLUMN_LENGTHS;
/** The String fields of a tenant model. */
export type ColumnsOf<M extends TenantModelName> = keyof (typeof COLUMN_LENGTHS)[M];

/** Characters `model.field` holds on every engine (a String field of the tenant schema); Infinity for any length. */
export function maxLengthOf<M extends TenantModelName>(model: M, field: ColumnsOf<M>): number {
  const length = COLUMN_LENGTHS[model][field] as number | null;
  return length ?? Infinity;
}
