// What the audit log records of an operation, gathered as its mutation fields
// resolve: each audited Mutation field's resolver is wrapped once, when the schema is
// built, and a success leaves its entry in the request's trail; the audit plugin
// writes the trail when execution ends. Wrapping only these fields (rather than an
// Apollo willResolveField hook, which makes Apollo wrap every field of the schema)
// keeps the audit off the path of every other field.
//
// The tenant is the one the result belongs to (a `tenantId` on it, or the Tenant
// itself), else the request's tenant when the field used it. The arguments are kept
// without the personal data they carry (personalInputs.ts).
import { getNamedType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from './context';
import { isAudited } from './fieldExtensions';
import { auditableArgs } from './personalInputs';
import type { AuditEntry } from '../audit/auditLog';

type Row = Record<string, unknown>;
const asRow = (value: unknown): Row | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The result's own id, or that of the record it wraps ({ apiKey, key }, { token, user }); else the `id` argument. */
function targetOf(result: unknown, args: Row): string | null {
  const row = asRow(result);
  const nested = row && Object.values(row).map(asRow).find((inner) => text(inner?.id));
  return text(row?.id) ?? text(nested?.id) ?? text(args.id) ?? null;
}

function tenantOf(result: unknown, info: GraphQLResolveInfo, ctx: GatewayContext): string | null {
  const row = asRow(result);
  if (row && getNamedType(info.returnType).name === 'Tenant') return text(row.id) ?? null;
  const nested = row && Object.values(row).map(asRow).find((inner) => text(inner?.tenantId));
  return text(row?.tenantId) ?? text(nested?.tenantId) ?? ctx.grantedTenant?.id ?? null;
}

/** An entry and the response key (alias or name) of the mutation field it records. */
export interface FieldEntry {
  field: string;
  entry: AuditEntry;
}

const trails = new WeakMap<GatewayContext, FieldEntry[]>();

/** The entries the request's mutations left so far, taken out of the trail. */
export function takeTrail(ctx: GatewayContext): FieldEntry[] {
  const trail = trails.get(ctx) ?? [];
  trails.delete(ctx);
  return trail;
}

function record(ctx: GatewayContext, info: GraphQLResolveInfo, args: Row, result: unknown) {
  const entry: FieldEntry = {
    field: String(info.path.key),
    entry: {
      tenantId: tenantOf(result, info, ctx),
      actor: ctx.principal ?? 'anonymous',
      action: info.fieldName,
      target: targetOf(result, args),
      details: { args, requestId: ctx.requestId },
    },
  };
  const trail = trails.get(ctx);
  if (trail) trail.push(entry);
  else trails.set(ctx, [entry]);
}

export function recordAuditedMutations(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve || !isAudited(field)) continue;
    const withoutPersonal = auditableArgs(field);
    field.resolve = async (root, args: Row, ctx: GatewayContext, info) => {
      const result = await resolve(root, args, ctx, info);
      record(ctx, info, withoutPersonal(args), result);
      return result;
    };
  }
}
