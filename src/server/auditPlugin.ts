// Writes the audit entries an operation's mutations left (schema/mutationTrail.ts)
// when its execution ends: who (user, API key or anonymous), what (the field, its
// target id, its arguments with secrets redacted), when, and which tenant. Mutations
// added later are covered without doing anything; a mutation that changes nothing
// opts out with @NotAudited().
//
// Each entry is written on its own, so one the database refuses cannot take the
// others with it. The change it records is committed already: its data stays in
// the answer, and an AUDIT_FAILED error on its field tells the caller it went
// unrecorded (and the failure is logged at error level).
import type { ApolloServerPlugin, GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { writeAudit } from '../audit/auditLog';
import { takeTrail, type FieldEntry } from '../schema/mutationTrail';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { PlatformDb } from '../db/platformClient';
import type { GatewayContext } from '../schema/context';

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
          return {
            async executionDidEnd() {
              const pending = takeTrail(contextValue);
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
