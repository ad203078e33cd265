// Lets code written against a client (it calls `db.$transaction(...)` itself) run
// inside a transaction the caller already holds: its own transaction joins the
// outer one instead of opening a second, so everything commits or rolls back together.
import type { Prisma } from '../generated/tenant/client';
import type { TenantDb } from './tenantClient';

const JOINED = Symbol('joined transaction');

export function joinTransaction(tx: Prisma.TransactionClient): TenantDb {
  const $transaction = (work: unknown) =>
    typeof work === 'function' ? (work as (client: Prisma.TransactionClient) => unknown)(tx) : Promise.all(work as Promise<unknown>[]);
  return new Proxy(tx, {
    get: (target, property, receiver) => (property === JOINED ? true : property === '$transaction' ? $transaction : Reflect.get(target, property, receiver)),
  }) as unknown as TenantDb;
}

/** Whether `db` is a transaction joined (joinTransaction): its own `$transaction` neither begins nor ends one. */
export const isJoinedTransaction = (db: TenantDb): boolean => (db as unknown as Record<symbol, unknown>)[JOINED] === true;
