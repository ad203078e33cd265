// The platform rows a new tenant starts as: the tenant (PROVISIONING), its owner's
// membership and a subscription to its plan. Written inside the caller's
// transaction, so whatever else the caller writes (the provisioning job) commits
// with them or not at all.
import type { Isolation, Prisma, TenantEngine } from '../generated/platform/client';
import { defaultTimeZone } from '../domain/settings';
import { badInput } from '../errors';
import { assertValidSlug } from '../tenancy/slug';

export interface NewTenant {
  slug: string;
  name: string;
  isolation: Isolation;
  /** Default POSTGRESQL. */
  engine?: TenantEngine;
  planCode: string;
  ownerId: string;
  /** Canonical (localization.ts); default English. */
  locale?: string;
  /** Default: the plan's. */
  currency?: string;
  /** IANA zone; default the locale's (settings.ts). */
  timeZone?: string;
  /** Sealed URL of the customer's own database, when they bring one. */
  externalUrlCipher?: string;
  /** Where its tables go, when createTenant named the server (otherwise the job places it). */
  location?: { server: string; databaseName: string; schemaName: string | null };
}

const DAY = 86_400_000;

export async function createTenantRecord(tx: Prisma.TransactionClient, input: NewTenant) {
  assertValidSlug(input.slug);
  const name = input.name.trim();
  if (!name || name.length > 120) throw badInput('name must be 1-120 characters', { field: 'name' });
  const plan = await tx.plan.findUnique({ where: { code: input.planCode } });
  if (!plan) throw badInput(`no plan "${input.planCode}"`, { field: 'plan' });
  // Taken slugs are refused here; a concurrent insert of the same slug loses on the unique index.
  if (await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw badInput(`slug "${input.slug}" is taken`, { field: 'slug' });
  }
  const now = new Date();
  const locale = input.locale ?? 'en';
  const trialEnds = plan.trialDays > 0 ? new Date(now.getTime() + plan.trialDays * DAY) : null;
  return tx.tenant.create({
    data: {
      slug: input.slug,
      name,
      isolation: input.isolation,
      engine: input.engine ?? 'POSTGRESQL',
      ...input.location,
      locale,
      currency: input.currency ?? plan.currency,
      timeZone: input.timeZone ?? defaultTimeZone(locale),
      planId: plan.id,
      externalUrlCipher: input.externalUrlCipher ?? null,
      memberships: { create: { userId: input.ownerId, role: 'OWNER' } },
      subscription: {
        create: {
          planId: plan.id,
          status: trialEnds ? 'TRIALING' : 'ACTIVE',
          trialEndsAt: trialEnds,
          currentPeriodStart: now,
          currentPeriodEnd: trialEnds ?? new Date(now.getTime() + 30 * DAY),
        },
      },
    },
  });
}
