import type { TenantModel } from '../src/model/tenantModel';
import type { Datamodel } from './datamodel.cjs';

/**
 * The tenant model of a Prisma datamodel; `sources` is the assembled manifest's model ->
 * module (or "tenant-models"), `lengths` the characters each String column holds on
 * every engine (column-lengths.cjs).
 */
export function tenantModel(datamodel: Datamodel, sources?: Record<string, string>, lengths?: Record<string, Record<string, number | null>>): TenantModel;
