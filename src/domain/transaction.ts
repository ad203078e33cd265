// The one way tenant business rules open a transaction. Rules that lock rows
// (an invoice being paid, a product's stock) make concurrent writers queue; Prisma's
// defaults (2 s to get a connection, 5 s to finish) would turn a short queue into errors.
import type { TenantDb } from '../db/tenantClient';
import type { Prisma } from '../generated/tenant/client';

export type Tx = Prisma.TransactionClient;

export function inTransaction<T>(db: TenantDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { maxWait: 15_000, timeout: 30_000 });
}
