import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Plan as PlanRow, ProvisioningJob as JobRow, Tenant as TenantRow, TenantExport as ExportRow } from '../../generated/platform/client';
import { backupPolicyOf, setBackupPolicy } from '../../portability/backups';
import { exportLink } from '../../portability/exportLinks';
import { deleteTenantExport, exportForManager, exportTenant, lastErasureOf, tenantExports } from '../../portability/tenantExports';
import type { GatewayContext } from '../context';
import { DateTimeScalar } from '../scalars';
import { BackupPolicy, BackupPolicyInput, TenantExport } from './exportTypes';
import { ProvisioningJob } from './provisioningTypes';
import { Tenant } from './types';

type ExportWithJob = ExportRow & { job?: JobRow | null };

// downloadUrl and expiresAt are one link: signed once per export per request, so the two always agree.
const links = new WeakMap<object, ReturnType<typeof exportLink>>();

// A tenant's last erasure, read once per request however many of its archives are listed.
const erasures = new WeakMap<GatewayContext, Map<string, Promise<Date | null>>>();

function lastErasureIn(ctx: GatewayContext, tenantId: string): Promise<Date | null> {
  let known = erasures.get(ctx);
  if (!known) erasures.set(ctx, (known = new Map()));
  let last = known.get(tenantId);
  if (!last) known.set(tenantId, (last = lastErasureOf(ctx.services, tenantId)));
  return last;
}

function linkOf(row: ExportRow, ctx: GatewayContext) {
  if (row.status !== 'READY') return null;
  let link = links.get(row);
  if (!link) links.set(row, (link = exportLink(ctx.services, row)));
  return link;
}

@Resolver(() => TenantExport)
export class ExportResolver {
  @Mutation(() => TenantExport, {
    description: 'Write an archive of the tenant’s data (its OWNERs and ADMINs, platform admins): a consistent snapshot, taken while it keeps serving, by a job (follow it with provisioningProgress); one at a time per tenant.',
  })
  exportTenant(@Arg('tenant', () => String) tenant: string, @Ctx() ctx: GatewayContext) {
    return exportTenant(ctx.services, ctx.requireUser(), tenant);
  }

  @Query(() => [TenantExport], { description: 'The tenant’s archives, newest first: exports, scheduled backups and uploads.' })
  tenantExports(
    @Arg('tenant', () => String) tenant: string,
    @Arg('includeDeleted', () => Boolean, { defaultValue: false }) includeDeleted: boolean,
    @Ctx() ctx: GatewayContext,
  ) {
    return tenantExports(ctx.services, ctx.requireUser(), tenant, includeDeleted);
  }

  @Query(() => TenantExport, { description: 'One archive, by id.' })
  tenantExport(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return exportForManager(ctx.services, ctx.requireUser(), id);
  }

  @Mutation(() => TenantExport, { description: 'Delete an archive: its links stop working at once.' })
  deleteTenantExport(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return deleteTenantExport(ctx.services, ctx.requireUser(), id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A signed link to download the archive, while it is READY; it stops working at expiresAt (EXPORT_URL_TTL) or once the archive is deleted.' })
  downloadUrl(@Root() row: ExportRow, @Ctx() ctx: GatewayContext) {
    return linkOf(row, ctx)?.url ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When downloadUrl stops working.' })
  expiresAt(@Root() row: ExportRow, @Ctx() ctx: GatewayContext) {
    return linkOf(row, ctx)?.expiresAt ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The archive’s size, once READY.' })
  sizeBytes(@Root() row: ExportRow) {
    return row.sizeBytes === null ? null : Number(row.sizeBytes);
  }

  @FieldResolver(() => Boolean, { description: 'A customer of the tenant was erased after this archive was taken: it still holds their personal data, prune it.' })
  async predatesErasure(@Root() row: ExportRow, @Ctx() ctx: GatewayContext) {
    if (!row.tenantId || row.status === 'DELETED') return false;
    const erased = await lastErasureIn(ctx, row.tenantId);
    return erased !== null && erased > row.createdAt;
  }

  @FieldResolver(() => ProvisioningJob, { nullable: true, description: 'The job that writes it (none for an upload).' })
  job(@Root() row: ExportWithJob, @Ctx() ctx: GatewayContext) {
    if (row.job !== undefined) return row.job;
    return row.jobId ? ctx.services.platform.provisioningJob.findUnique({ where: { id: row.jobId } }) : null;
  }

  @FieldResolver(() => Tenant, { nullable: true, description: 'The tenant it was taken of or uploaded for.' })
  tenant(@Root() row: ExportRow, @Ctx() ctx: GatewayContext) {
    return row.tenantId ? ctx.services.platform.tenant.findUnique({ where: { id: row.tenantId }, include: { plan: true } }) : null;
  }
}

@Resolver(() => Tenant)
export class TenantBackupResolver {
  @FieldResolver(() => BackupPolicy, { description: 'Its scheduled backups, as in force (its own policy, else its plan’s).' })
  async backupPolicy(@Root() tenant: TenantRow & { plan?: PlanRow }, @Ctx() ctx: GatewayContext) {
    const plan = tenant.plan ?? (await ctx.services.platform.plan.findUniqueOrThrow({ where: { id: tenant.planId } }));
    return { ...backupPolicyOf(tenant, plan), nextAt: tenant.nextBackupAt };
  }

  @Mutation(() => Tenant, { description: 'Set the tenant’s own backup policy (its OWNERs and ADMINs); null fields take the plan’s.' })
  setBackupPolicy(@Arg('tenant', () => String) tenant: string, @Arg('policy', () => BackupPolicyInput) policy: BackupPolicyInput, @Ctx() ctx: GatewayContext) {
    return setBackupPolicy(ctx.services, ctx.requireUser(), tenant, policy);
  }
}
