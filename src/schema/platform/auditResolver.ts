import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { pageComplexity } from '../tenant/complexity';
import { AuditEntry } from './billingTypes';
import { newestFirst } from './newestFirst';
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
    const tenantId = await recordsScope(ctx, tenant, 'records.read');
    return newestFirst(page, ctx.services.platform.auditLog, { ...(tenantId ? { tenantId } : {}), ...(action ? { action } : {}) });
  }
}
