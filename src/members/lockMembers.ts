// Every change to a tenant's people (roles, removals, invitations, acceptances) runs
// with this lock held, one at a time per tenant: two demotions that each see another
// owner left cannot both commit and leave none. NO KEY UPDATE, so rows that only
// refer to the tenant (usage, audit entries) are written meanwhile without waiting.
import type { Prisma } from '../generated/platform/client';

export async function lockMembers(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tenantId}::uuid FOR NO KEY UPDATE`;
}
