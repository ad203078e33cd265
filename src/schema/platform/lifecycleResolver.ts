import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { restoreTenant } from '../../provisioning/restoreTenant';
import { resumeTenant, suspendTenant } from '../../provisioning/suspendTenant';
import type { GatewayContext } from '../context';
import { Tenant } from './types';

@Resolver()
export class LifecycleResolver {
  @Mutation(() => Tenant, {
    description: 'Platform admins: the tenant stops serving now, in every gateway process; its members get TENANT_SUSPENDED with the reason, and can still read their billing.',
  })
  suspendTenant(@Arg('slug', () => String) slug: string, @Arg('reason', () => String, { description: 'Shown to its members; 1-500 characters.' }) reason: string, @Ctx() ctx: GatewayContext) {
    return suspendTenant(ctx.services, ctx.requireUser(), slug, reason);
  }

  @Mutation(() => Tenant, { description: 'Platform admins: a SUSPENDED tenant serves again.' })
  resumeTenant(@Arg('slug', () => String) slug: string, @Ctx() ctx: GatewayContext) {
    return resumeTenant(ctx.services, ctx.requireUser(), slug);
  }

  @Mutation(() => Tenant, {
    description: 'Owners and platform admins: an ARCHIVED tenant serves again (SUSPENDED if it was) while its DROP job has not started; its DROP job is canceled.',
  })
  restoreTenant(@Arg('slug', () => String) slug: string, @Ctx() ctx: GatewayContext) {
    return restoreTenant(ctx.services, ctx.requireUser(), slug);
  }
}
