import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs, paginate } from '../connection';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { pageComplexity } from '../tenant/complexity';
import { AuditEntry } from './billingTypes';
import { recordsScope } from './platformScope';

const AuditEntryConnection = Connection(AuditEntry);

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    complexity: pageComplexity,
    description: "The audit log, newest first: the tenant's for its OWNER and ADMIN; every tenant's (or one's) for platform admins.",
  })
  @Unmetered()
  async auditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Arg('action', () => String, { nullable: true, description: 'Only entries of this action, e.g. "createProduct".' }) action: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const tenantId = await recordsScope(ctx, tenant);
    const where = { ...(tenantId ? { tenantId } : {}), ...(action ? { action } : {}) };
    const { auditLog } = ctx.services.platform;
    return paginate(
      page,
      'desc',
      (id, take) => auditLog.findMany({ where: id ? { AND: [where, { id }] } : where, orderBy: { id: 'desc' }, take }),
      () => auditLog.count({ where }),
    );
  }
}
