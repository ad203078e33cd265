// The GraphQL schema, built once per process from the type-graphql classes.
// `npm run schema` prints it to schema.graphql; a test fails when that file is stale.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, type PubSub } from 'type-graphql';
import { recordAuditedMutations } from '../audit/mutationTrail';
import { answerRelationsFromRows } from '../planner/plannedRelations';
import { dropPassThroughResolvers } from './plainFields';
import { ApiKeyResolver } from './platform/apiKeyResolver';
import { AuditResolver } from './platform/auditResolver';
import { AuthResolver } from './platform/authResolver';
import { BillingResolver } from './platform/billingResolver';
import { DomainResolver } from './platform/domainResolver';
import { LifecycleResolver } from './platform/lifecycleResolver';
import { MemberResolver } from './platform/memberResolver';
import { PasswordResetResolver } from './platform/passwordResetResolver';
import { ProvisioningResolver } from './platform/provisioningResolver';
import { SessionResolver } from './platform/sessionResolver';
import { TenantResolver } from './platform/tenantResolver';
import { AccountResolver } from './tenant/accountResolver';
import { AnalyticsResolver } from './tenant/analyticsResolver';
import { BankResolver } from './tenant/bankResolver';
import { CategoryResolver } from './tenant/categoryResolver';
import { CustomerResolver } from './tenant/customerResolver';
import { InvoiceItemResolver, InvoiceResolver } from './tenant/invoiceResolver';
import { InvoiceLifecycleResolver, PaymentResolver } from './tenant/invoiceLifecycleResolver';
import { JournalLineResolver, JournalResolver } from './tenant/journalResolver';
import { LedgerResolver } from './tenant/ledgerResolver';
import { DiscountResolver } from './tenant/discountResolver';
import { OrderLifecycleResolver } from './tenant/orderLifecycleResolver';
import { OrderItemResolver, OrderResolver } from './tenant/orderResolver';
import { ProductResolver } from './tenant/productResolver';
import { ReportResolver } from './tenant/reportResolver';
import { SettingsResolver } from './tenant/settingsResolver';
import { WebhookResolver } from './tenant/webhookResolver';
import { BomComponentResolver, ProductComponentsResolver, StockResolver } from './tenant/stockResolver';

const resolvers = [
  AuthResolver,
  SessionResolver,
  PasswordResetResolver,
  TenantResolver,
  ProvisioningResolver,
  LifecycleResolver,
  DomainResolver,
  BillingResolver,
  ApiKeyResolver,
  MemberResolver,
  AuditResolver,
  ProductResolver,
  CategoryResolver,
  CustomerResolver,
  InvoiceResolver,
  InvoiceItemResolver,
  InvoiceLifecycleResolver,
  PaymentResolver,
  AccountResolver,
  JournalResolver,
  JournalLineResolver,
  LedgerResolver,
  StockResolver,
  ProductComponentsResolver,
  BomComponentResolver,
  BankResolver,
  OrderResolver,
  OrderItemResolver,
  OrderLifecycleResolver,
  DiscountResolver,
  ReportResolver,
  SettingsResolver,
  AnalyticsResolver,
  WebhookResolver,
] as const;

// type-graphql insists on a PubSub once there is a subscription, but ours each bring
// their own stream (from the request's event bus), so this one is never asked.
const unusedPubSub: PubSub = {
  publish: () => {
    throw new Error('publish through services.events');
  },
  subscribe: () => {
    throw new Error('subscriptions here define `subscribe`');
  },
};

let built: GraphQLSchema | undefined;

export function gatewaySchema(): GraphQLSchema {
  if (!built) {
    // Input is validated by the domain functions (zod), not by class-validator.
    built = buildSchemaSync({ resolvers: [...resolvers], validate: false, pubSub: unusedPubSub });
    dropPassThroughResolvers(built);
    answerRelationsFromRows(built);
    recordAuditedMutations(built);
  }
  return built;
}

/** The SDL committed as schema.graphql: sorted, so diffs show real changes only. */
export const printGatewaySchema = () => `${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`;
