import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { pageComplexity } from '../tenant/complexity';
import { AuditEntry } from './billingTypes';
import { platformList } from './platformConnection';
import { dateTimeColumn, idColumn, textColumn } from './platformWhere';
import { recordsScope } from './platformScope';

const AuditEntryList = platformList(AuditEntry, {
  fields: {
    createdAt: dateTimeColumn(),
    tenantId: idColumn({ nullable: true }),
    actorType: textColumn(),
    // Both are kept as text: an actor or target id is compared as it was written.
    actorId: idColumn({ nullable: true, text: true }),
    action: textColumn(),
    target: idColumn({ nullable: true, text: true }),
  },
  orderBy: ['createdAt', 'action'],
  defaultOrder: [['id', 'desc']],
});

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryList.connectionType, {
    complexity: pageComplexity,
    description: "The audit log, by default newest first: the tenant's for its OWNER and ADMIN; every tenant's (or one's) for platform admins.",
  })
  @Unmetered()
  async auditLog(
    @Args(() => AuditEntryList.argsType) args: ListArgs,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only entries of this action, e.g. "createProduct" (as `where: { action: { eq: ... } }`).' }) action: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const tenantId = await recordsScope(ctx, tenant, 'records.read');
    return AuditEntryList.connection(ctx.services.platform.auditLog, args, { ...(tenantId ? { tenantId } : {}), ...(action ? { action } : {}) });
  }
}
