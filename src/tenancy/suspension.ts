// Suspending a tenant and lifting the suspension, for whoever decides it: a platform
// admin (provisioning/suspendTenant.ts), or the renewal run for a subscription left
// unpaid (billing/subscriptions.ts). Written in the caller's transaction, on the
// locked tenant row; the caller audits and, once committed, announces the change.
//
// The suspension (why, since when) stays on the row when a suspended tenant is
// archived, so restoring it brings the suspension back rather than lifting it.
import type { Prisma, SuspensionCause, Tenant } from '../generated/platform/client';

type Tx = Prisma.TransactionClient;

export interface Suspension {
  cause: SuspensionCause;
  /** Shown to the tenant's members with every refusal. */
  reason: string;
}

/** The tenant row, locked for the rest of the transaction; null when there is none. */
export async function lockTenant(tx: Tx, tenantId: string): Promise<Tenant | null> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tenantId}::uuid FOR UPDATE`;
  return tx.tenant.findUnique({ where: { id: tenantId } });
}

/** Suspends the tenant when it is ACTIVE; the changed row, or null when nothing changed. */
export async function suspend(tx: Tx, tenantId: string, suspension: Suspension): Promise<Tenant | null> {
  const tenant = await lockTenant(tx, tenantId);
  if (tenant?.status !== 'ACTIVE') return null;
  return tx.tenant.update({
    where: { id: tenantId },
    data: { status: 'SUSPENDED', suspendedFor: suspension.cause, suspendedReason: suspension.reason, suspendedAt: new Date() },
  });
}

/**
 * Lifts the tenant's suspension (only one for `cause`, when given): a SUSPENDED tenant
 * is ACTIVE again, an archived one no longer comes back suspended. The changed row,
 * or null when it had no such suspension.
 */
export async function lift(tx: Tx, tenantId: string, cause?: SuspensionCause): Promise<Tenant | null> {
  const tenant = await lockTenant(tx, tenantId);
  if (!tenant?.suspendedFor || (cause && tenant.suspendedFor !== cause)) return null;
  return tx.tenant.update({
    where: { id: tenantId },
    data: { ...(tenant.status === 'SUSPENDED' ? { status: 'ACTIVE' } : {}), suspendedFor: null, suspendedReason: null, suspendedAt: null },
  });
}
