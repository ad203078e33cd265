import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { whileAllowed } from '../../auth/liveAccess';
import { eventsSeenBy } from '../../graph/eventAccess';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import { watchTenantEvents, type TenantEventMessage } from '../../webhooks/liveFeed';
import { createWebhook, deleteWebhook, redeliverWebhook, rotateWebhookSecret, updateWebhook, webhookOf } from '../../webhooks/manageWebhooks';
import type { GatewayContext } from '../context';
import { platformList } from '../platform/platformConnection';
import { booleanColumn, dateTimeColumn, enumColumn, idColumn, intColumn, textColumn } from '../platform/platformWhere';
import { DeliveryStatus } from '../enums';
import { pageComplexity } from './complexity';
import { CreateWebhookInput, TenantEvent, UpdateWebhookInput, Webhook, WebhookDelivery, WebhookWithSecret } from './webhookTypes';

const WebhookList = platformList(Webhook, {
  fields: {
    url: textColumn(),
    description: textColumn({ nullable: true }),
    enabled: booleanColumn(),
    consecutiveFailures: intColumn(),
    createdAt: dateTimeColumn(),
    updatedAt: dateTimeColumn(),
  },
  orderBy: ['url', 'createdAt', 'updatedAt'],
  defaultOrder: [['id', 'asc']],
});

const WebhookDeliveryList = platformList(WebhookDelivery, {
  fields: {
    eventId: idColumn(),
    eventType: textColumn(),
    status: enumColumn('DeliveryStatus', DeliveryStatus),
    attempts: intColumn(),
    statusCode: intColumn({ nullable: true }),
    nextAttemptAt: dateTimeColumn({ nullable: true }),
    createdAt: dateTimeColumn(),
    finishedAt: dateTimeColumn({ nullable: true }),
  },
  orderBy: ['eventType', 'status', 'createdAt', 'finishedAt'],
  defaultOrder: [['id', 'desc']],
});

// Webhooks are managed by people who are OWNER or ADMIN of the request's tenant.
@Resolver()
export class WebhookResolver {
  @Query(() => WebhookList.connectionType, { complexity: pageComplexity, description: "The tenant's webhooks, by default oldest first; never their secrets." })
  async webhooks(@Args(() => WebhookList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    return WebhookList.connection(ctx.services.platform.webhook, args, { tenantId: tenant.id });
  }

  @Query(() => WebhookDeliveryList.connectionType, { complexity: pageComplexity, description: "A webhook's deliveries, by default newest first." })
  async webhookDeliveries(@Arg('webhookId', () => ID) webhookId: string, @Args(() => WebhookDeliveryList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('webhooks.manage');
    const webhook = await webhookOf(ctx.services, tenant.id, parseId(webhookId));
    return WebhookDeliveryList.connection(ctx.services.platform.webhookDelivery, args, { webhookId: webhook.id });
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
