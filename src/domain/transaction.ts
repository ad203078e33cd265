// The one way tenant business rules open a transaction. Rules that lock rows
// (an invoice being paid, a product's stock) make concurrent writers queue; Prisma's
// defaults (2 s to begin, 5 s to finish) would turn a short queue into errors. It may
// take as long to begin as a statement may run (the tenant client's maxWait).
import type { TenantDb } from '../db/tenantClient';
import type { Prisma } from '../generated/tenant/client';

export type Tx = Prisma.TransactionClient;

export function inTransaction<T>(db: TenantDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { timeout: 30_000 });
}
