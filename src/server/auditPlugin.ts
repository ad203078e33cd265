// One audit entry for every mutation field that succeeded, written when the
// operation's execution ends: who (user, API key or anonymous), what (the field,
// its target id, its arguments with secrets redacted), when, and which tenant.
// Mutations added later are covered without doing anything; a mutation that
// changes nothing opts out with @NotAudited().
//
// Each entry is written on its own, so one the database refuses cannot take the
// others with it. The change it records is committed already: its data stays in
// the answer, and an AUDIT_FAILED error on its field tells the caller it went
// unrecorded (and the failure is logged at error level).
//
// The tenant is the one the result belongs to (a `tenantId` on it, or the Tenant
// itself), else the request's tenant when the field used it.
import type { ApolloServerPlugin, GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import type { GraphQLFormattedError, GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import { writeAudit, type AuditEntry } from '../audit/auditLog';
import { ErrorCode } from '../errors';
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

/** An entry and the response key (alias or name) of the mutation field it records. */
interface FieldEntry {
  field: string;
  entry: AuditEntry;
}

const auditFailed = ({ field, entry }: FieldEntry): GraphQLFormattedError => ({
  message: `${entry.action} was done, but its audit entry could not be written`,
  path: [field],
  extensions: { code: ErrorCode.AUDIT_FAILED },
});

function addErrors(response: GraphQLRequestContextExecutionDidStart<GatewayContext>['response'], errors: GraphQLFormattedError[]) {
  if (response.body?.kind !== 'single') return;
  const result = response.body.singleResult;
  response.body.singleResult = { ...result, errors: [...(result.errors ?? []), ...errors] };
}

export function auditPlugin(platform: PlatformDb, log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue, response }) {
          if (operation?.operation !== 'mutation') return;
          const pending: FieldEntry[] = [];
          return {
            willResolveField({ info, args }) {
              if (info.parentType !== info.schema.getMutationType() || !isAudited(info.parentType.getFields()[info.fieldName])) return;
              return (error, result) => {
                if (error) return;
                pending.push({
                  field: String(info.path.key),
                  entry: {
                    tenantId: tenantOf(result, info, contextValue),
                    actor: contextValue.principal ?? 'anonymous',
                    action: info.fieldName,
                    target: targetOf(result, args),
                    details: { args, requestId: contextValue.requestId },
                  },
                });
              };
            },
            async executionDidEnd() {
              const outcomes = await Promise.allSettled(pending.map(({ entry }) => writeAudit(platform, [entry])));
              const unwritten: FieldEntry[] = [];
              outcomes.forEach((outcome, i) => {
                if (outcome.status === 'fulfilled') return;
                log.error({ err: outcome.reason, requestId: contextValue.requestId, action: pending[i].entry.action }, 'audit entry could not be written');
                unwritten.push(pending[i]);
              });
              // Apollo has set the response by now and calls willSendResponse after this hook,
              // so the request's log line, metrics and metering see these errors too.
              if (unwritten.length) addErrors(response, unwritten.map(auditFailed));
            },
          };
        },
      };
    },
  };
}
