// A lock by name, held to the end of the tenant transaction that takes it: a row of
// the tenant's Counter table, made on first use and then updated, which both
// PostgreSQL and MySQL lock until the transaction ends. Work of one kind for one
// tenant (an import, a limit check) queues on it across every gateway process;
// other work is not held up, as it would be by a table lock.
import type { Tx } from './transaction';

export async function takeNamedLock(tx: Tx, name: string): Promise<void> {
  const row = { name: `lock:${name}` };
  const take = () => tx.counter.updateMany({ where: row, data: { value: { increment: 1 } } });
  // Updated first, and made only when missing: on MySQL, inserts racing on a row that
  // exists take shared locks that then deadlock with the update.
  if ((await take()).count > 0) return;
  // Two first uses at once: the second insert waits for the first, then skips the duplicate.
  await tx.counter.createMany({ data: [{ ...row, value: 0 }], skipDuplicates: true });
  await take();
}
