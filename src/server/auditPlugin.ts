// One audit entry for every mutation field that succeeded, written when the
// operation's execution ends: who (user, API key or anonymous), what (the field,
// its target id, its arguments with secrets redacted), when, and which tenant.
// Mutations added later are covered without doing anything; a mutation that
// changes nothing opts out with @NotAudited().
//
// The tenant is the one the result belongs to (a `tenantId` on it, or the Tenant
// itself), else the request's tenant when the field used it.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import { writeAudit, type AuditEntry } from '../audit/auditLog';
import type { Logger } from '../logger';
import type { PlatformDb } from '../db/platformClient';
import type { GatewayContext } from '../schema/context';
import { isAudited } from '../schema/fieldExtensions';

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

export function auditPlugin(platform: PlatformDb, log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const entries: AuditEntry[] = [];
          return {
            willResolveField({ info, args }) {
              if (info.parentType !== info.schema.getMutationType() || !isAudited(info.parentType.getFields()[info.fieldName])) return;
              return (error, result) => {
                if (error) return;
                entries.push({
                  tenantId: tenantOf(result, info, contextValue),
                  actor: contextValue.principal ?? 'anonymous',
                  action: info.fieldName,
                  target: targetOf(result, args),
                  details: { args, requestId: contextValue.requestId },
                });
              };
            },
            async executionDidEnd() {
              // The change is committed already: a failed audit write is logged loudly, not sent to the client.
              await writeAudit(platform, entries).catch((error: unknown) =>
                log.error({ err: error, requestId: contextValue.requestId, actions: entries.map((e) => e.action) }, 'audit entries could not be written'),
              );
            },
          };
        },
      };
    },
  };
}
