import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { restoreTenantFrom, undoRestore } from '../../portability/restoreInPlace';
import type { GatewayContext } from '../context';
import { TenantJobPayload } from './provisioningTypes';
import { Tenant } from './types';

@Resolver()
export class RestoreResolver {
  @Mutation(() => TenantJobPayload, {
    description:
      'Replace the tenant’s data with a READY export’s (its OWNERs, platform admins): a job builds it beside the live data, checks it against the archive, then switches the tenant to it at once; the previous data is kept RESTORE_KEEP_HOURS for undoRestore. Not for POOL tenants or databases you brought: restore those into a new tenant (createTenant with restoreFrom).',
  })
  restoreTenantFrom(@Arg('tenant', () => String) tenant: string, @Arg('exportId', () => ID) exportId: string, @Ctx() ctx: GatewayContext) {
    return restoreTenantFrom(ctx.services, ctx.requireUser(), tenant, exportId);
  }

  @Mutation(() => Tenant, { description: 'Switch the tenant back to the data it had before its last restoreTenantFrom, while that is kept.' })
  undoRestore(@Arg('tenant', () => String) tenant: string, @Ctx() ctx: GatewayContext) {
    return undoRestore(ctx.services, ctx.requireUser(), tenant);
  }
}
