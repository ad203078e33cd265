// The default chart (chartOfAccounts.ts) in a tenant's books: all of it when the tenant
// is made, and an account added to the default chart since then on its first use by a
// tenant made before. Accounts already there are kept as they are (a bookkeeper may
// have renamed them).
import type { TenantDb } from '../../db/tenantClient';
import type { Tx } from '../../domain/transaction';
import { DEFAULT_ACCOUNTS, accountName } from './chartOfAccounts';

/** Makes the default accounts `codes` (all of them when omitted) that the tenant lacks, under their parents, named in `locale`. */
export async function addDefaultAccounts(db: TenantDb | Tx, locale: string, codes?: string[]): Promise<void> {
  const wanted = codes ? DEFAULT_ACCOUNTS.filter((a) => codes.includes(a.code)) : DEFAULT_ACCOUNTS;
  const parentCodes = new Set(wanted.flatMap((a) => (a.parent ? [a.parent] : [])));
  const roots = DEFAULT_ACCOUNTS.filter((a) => !a.parent && (parentCodes.has(a.code) || wanted.includes(a)));
  await db.account.createMany({ data: roots.map((a) => ({ code: a.code, type: a.type, name: accountName(a, locale) })), skipDuplicates: true });
  const parents = new Map((await db.account.findMany({ where: { code: { in: [...parentCodes] } } })).map((a) => [a.code, a.id]));
  await db.account.createMany({
    data: wanted.filter((a) => a.parent).map((a) => ({ code: a.code, type: a.type, name: accountName(a, locale), parentId: parents.get(a.parent!)! })),
    skipDuplicates: true,
  });
}

/** `addDefaultAccounts` for what a posting rule needs, at the cost of one read when the tenant has them. */
export async function ensureDefaultAccounts(tx: Tx, locale: string, codes: string[]): Promise<void> {
  if ((await tx.account.count({ where: { code: { in: codes } } })) === codes.length) return;
  await addDefaultAccounts(tx, locale, codes);
}
