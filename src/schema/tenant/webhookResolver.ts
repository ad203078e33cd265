import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { whileAllowed } from '../../auth/liveAccess';
import { eventsSeenBy } from '../../graph/eventAccess';
import { parseId } from '../../ids';
import { watchTenantEvents, type TenantEventMessage } from '../../webhooks/liveFeed';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
  webhookOf,
} from '../../webhooks/manageWebhooks';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { newestFirst } from '../platform/newestFirst';
import { CreateWebhookInput, TenantEvent, UpdateWebhookInput, Webhook, WebhookDelivery, WebhookWithSecret } from './webhookTypes';

const WebhookDeliveryConnection = Connection(WebhookDelivery);

// Webhooks are managed by people who are OWNER or ADMIN of the request's tenant.
@Resolver()
export class WebhookResolver {
  @Query(() => [Webhook], { description: "The tenant's webhooks, oldest first; never their secrets." })
  async webhooks(@Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return listWebhooks(ctx.services, tenant.id);
  }

  @Query(() => WebhookDeliveryConnection, { description: "A webhook's deliveries, newest first." })
  async webhookDeliveries(@Arg('webhookId', () => ID) webhookId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    const webhook = await webhookOf(ctx.services, tenant.id, parseId(webhookId));
    return newestFirst(page, ctx.services.platform.webhookDelivery, { webhookId: webhook.id });
  }

  @Mutation(() => WebhookWithSecret, { description: 'A webhook for the request’s tenant. Its signing secret is in this answer only.' })
  async createWebhook(@Arg('input', () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return createWebhook(ctx.services, tenant.id, input);
  }

  @Mutation(() => Webhook)
  async updateWebhook(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return updateWebhook(ctx.services, tenant.id, parseId(id), input);
  }

  @Mutation(() => Webhook, { description: 'Deletes the webhook and its deliveries.' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return deleteWebhook(ctx.services, tenant.id, parseId(id));
  }

  @Mutation(() => WebhookWithSecret, { description: 'A new signing secret, in this answer only; the old one signs nothing from now on.' })
  async rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return rotateWebhookSecret(ctx.services, tenant.id, parseId(id));
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again, from its first attempt.' })
  async redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return redeliverWebhook(ctx.services, tenant.id, parseId(deliveryId));
  }

  @Subscription(() => TenantEvent, {
    description:
      "The tenant's events as they happen (those of `types` only, when given); the same events its webhooks receive, but those of rows and columns your role may not read. Ends with the error a request would get now (TENANT_NOT_FOUND, UNAUTHENTICATED, ...) at the next event once you may no longer read the tenant.",
    subscribe: async ({ args, context }) => {
      const ctx = context as GatewayContext;
      const { tenant, role } = await ctx.access('data.read');
      const events = eventsSeenBy(role, watchTenantEvents(ctx.services, tenant.id, (args as { types?: string[] | null }).types ?? undefined));
      return whileAllowed(events, () => ctx.confirmAccess('data.read'));
    },
  })
  tenantEvents(@Arg('types', () => [String], { nullable: true }) _types: string[] | undefined, @Root() event: TenantEventMessage): TenantEventMessage {
    return event;
  }
}
