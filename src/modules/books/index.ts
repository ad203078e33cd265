// Double-entry books: the chart of accounts, journal entries (by hand, or posted by
// the rules of other modules), balances and the customer ledger.
import type { TenantModule } from '../tenantModule';
import { AccountResolver } from './accountResolver';
import { addDefaultAccounts } from './defaultAccounts';
import { JournalResolver } from './journalResolver';
import { LedgerResolver } from './ledgerResolver';

export const tenantModule: TenantModule = {
  name: 'books',
  resolvers: [AccountResolver, JournalResolver, LedgerResolver],
  seedDefaults: (db, { locale }) => addDefaultAccounts(db, locale),
};
