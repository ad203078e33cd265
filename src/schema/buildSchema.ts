// The GraphQL schema, built once per process from the type-graphql classes.
// `npm run schema` prints it to schema.graphql; a test fails when that file is stale.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage, type PubSub } from 'type-graphql';
import { recordAuditedMutations } from './mutationTrail';
import { SELECTED_MODULES } from '../generated/selectedModules';
import { generatedMutations } from '../graph/genericMutations';
import { generatedRootFields } from '../graph/rootFields';
import { wireGraph } from '../graph/wireGraph';
import { dropPassThroughResolvers } from './plainFields';
import { ApiKeyResolver } from './platform/apiKeyResolver';
import { AuditResolver } from './platform/auditResolver';
import { AuthResolver } from './platform/authResolver';
import { BillingResolver } from './platform/billingResolver';
import { DomainResolver } from './platform/domainResolver';
import { FleetResolver } from './platform/fleetResolver';
import { LifecycleResolver } from './platform/lifecycleResolver';
import { MemberResolver } from './platform/memberResolver';
import { PasswordResetResolver } from './platform/passwordResetResolver';
import { ExportResolver, TenantBackupResolver } from './platform/exportResolver';
import { ProvisioningResolver } from './platform/provisioningResolver';
import { RestoreResolver } from './platform/restoreResolver';
import { RolloutResolver } from './platform/rolloutResolver';
import { SessionResolver } from './platform/sessionResolver';
import { TenantResolver } from './platform/tenantResolver';
import { TenantStandingResolver } from './platform/tenantStandingResolver';
import { WebhookResolver } from './tenant/webhookResolver';

const platformResolvers = [
  AuthResolver,
  SessionResolver,
  PasswordResetResolver,
  TenantResolver,
  TenantStandingResolver,
  ProvisioningResolver,
  LifecycleResolver,
  DomainResolver,
  BillingResolver,
  ApiKeyResolver,
  MemberResolver,
  AuditResolver,
  ExportResolver,
  TenantBackupResolver,
  RestoreResolver,
  RolloutResolver,
  FleetResolver,
];

/** A tenant's own API: its webhooks (kept on the platform, for every tenant) and the resolvers of the built-in modules of this build. */
export const tenantResolvers = [WebhookResolver, ...SELECTED_MODULES.flatMap((selected) => selected.resolvers)];

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
    // The graph's root fields, but those a module writes itself (with arguments of its own).
    const storage = getMetadataStorage();
    const written = new Set([...storage.queries, ...storage.mutations].map((field) => field.schemaName));
    const generated = [...generatedRootFields(written), ...generatedMutations(written)];
    built = buildSchemaSync({ resolvers: [...platformResolvers, ...tenantResolvers, ...generated] as unknown as [Function, ...Function[]], validate: false, pubSub: unusedPubSub });
    dropPassThroughResolvers(built);
    wireGraph(built);
    recordAuditedMutations(built);
  }
  return built;
}

/** The SDL committed as schema.graphql: sorted, so diffs show real changes only. */
export const printGatewaySchema = () => `${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`;
