// Double entry: only balanced entries reach the books, the chart is a tree, and the
// trial balance and account balances add up as of any moment.
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { tenantPlacements } from '../support/engines';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;
  let member: TenantApi;

  const POST = 'mutation($i: JournalEntryInput!) { postJournalEntry(input: $i) { id number sourceType lines { nodes { debit credit account { code } } } } }';
  const post = (lines: unknown[], extra: Record<string, unknown> = {}) => ({ i: { description: 'test entry', lines, ...extra } });

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    const employee = await gw.createUser();
    await gw.createTenant({ slug: 'books', owner, members: [[employee, 'MEMBER']] });
    api = tenantApi(gw, owner.token, 'books');
    member = tenantApi(gw, employee.token, 'books');
  });
  afterAll(() => gw.close());

  test('the chart of accounts is a tree of stable codes', async () => {
    const { accounts } = await api.call(
      '{ accounts(where: { parentId: { isNull: true } }) { nodes { code name type children { nodes { code name type children { nodes { code } } } } } } }',
    );
    const roots = accounts.nodes;
    expect(roots.map((a: any) => a.code)).toEqual(['1000', '2000', '3000', '4000', '5000']);
    const assets = roots[0].children.nodes;
    expect(assets.map((a: any) => a.code)).toEqual(['1100', '1200', '1300', '1400']);
    expect(assets.every((a: any) => a.type === 'ASSET' && a.children.nodes.length === 0)).toBe(true);
    expect(roots[4].children.nodes.map((a: any) => a.name)).toEqual(['Cost of goods sold', 'General expenses', 'Inventory adjustments', 'Inventory write-offs']);
  });

  describe('postJournalEntry refuses what does not balance', () => {
    test.each([
      ['debits and credits that differ', [{ account: '1100', debit: '100' }, { account: '3100', credit: '99.99' }], /does not balance: debits 100.00, credits 99.99/],
      ['a single line', [{ account: '1100', debit: '0' }], /at least two lines/],
      ['no lines', [], /at least two lines/],
      ['a zero amount', [{ account: '1100', debit: '0' }, { account: '3100', credit: '0' }], /line 1: give either a debit or a credit/],
      ['a negative amount', [{ account: '1100', debit: '-5' }, { account: '3100', credit: '-5' }], /amount/],
      ['a line with both sides', [{ account: '1100', debit: '5', credit: '5' }, { account: '3100', credit: '0' }], /line 1/],
      ['an account that does not exist', [{ account: '9999', debit: '5' }, { account: '3100', credit: '5' }], /no account with code 9999/],
      ['a group account', [{ account: '1000', debit: '5' }, { account: '3100', credit: '5' }], /1000 .* groups other accounts/],
      ['more than two decimals', [{ account: '1100', debit: '5.001' }, { account: '3100', credit: '5.001' }], /at most 2 decimals/],
    ])('%s', async (_what, lines, message) => {
      const error = await api.refused(POST, post(lines));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(message);
    });

    test('nothing refused was written', async () => {
      const { journalEntries } = await api.call('{ journalEntries { totalCount } }');
      expect(journalEntries.totalCount).toBe(0);
    });
  });

  test('a balanced entry is posted with its lines, and only ADMIN and OWNER may post by hand', async () => {
    const lines = [
      { account: '1100', debit: '1000.50' },
      { account: '1200', debit: '500' },
      { account: '3100', credit: '1500.50' },
    ];
    expect((await member.refused(POST, post(lines))).extensions.code).toBe('FORBIDDEN');
    const { postJournalEntry: entry } = await api.call(POST, post(lines, { date: '2026-01-10T08:00:00Z', description: 'opening balance' }));
    expect(entry.sourceType).toBe('manual');
    expect(entry.lines.nodes).toEqual(
      expect.arrayContaining([
        { debit: '1000.5', credit: '0', account: { code: '1100' } },
        { debit: '500', credit: '0', account: { code: '1200' } },
        { debit: '0', credit: '1500.5', account: { code: '3100' } },
      ]),
    );
  });

  test('the trial balance and account balances as of a moment', async () => {
    // A cash expense a month later.
    await api.call(POST, post([{ account: '5200', debit: '200' }, { account: '1100', credit: '200' }], { date: '2026-02-10T08:00:00Z' }));

    expect(await balancesByCode(api, '2026-01-31T00:00:00Z')).toEqual({ '1100': '1000.5', '1200': '500', '3100': '-1500.5' });
    // A date takes in the whole of that day (in the tenant's report time zone, UTC here).
    expect(await balancesByCode(api, '2026-02-09')).toEqual({ '1100': '1000.5', '1200': '500', '3100': '-1500.5' });
    expect(await balancesByCode(api, '2026-02-10')).toEqual({ '1100': '800.5', '1200': '500', '3100': '-1500.5', '5200': '200' });
    const { trialBalance } = await api.call('{ trialBalance { totalDebit totalCredit lines { account { code } debit credit } } }');
    expect(trialBalance.totalDebit).toBe('1500.5');
    expect(trialBalance.totalCredit).toBe('1500.5');
    expect(await balancesByCode(api)).toEqual({ '1100': '800.5', '1200': '500', '3100': '-1500.5', '5200': '200' });

    const balance = async (code: string, asOf?: string) =>
      (await api.call('query($c: String!, $at: DateOrDateTime) { accountBalance(code: $c, asOf: $at) { account { code } debits credits balance } }', { c: code, at: asOf }))
        .accountBalance;
    expect(await balance('1100')).toEqual({ account: { code: '1100' }, debits: '1000.5', credits: '200', balance: '800.5' });
    // A group account sums its sub-accounts; liabilities, equity and revenue are positive on the credit side.
    expect((await balance('1000')).balance).toBe('1300.5');
    expect((await balance('1000', '2026-01-31T00:00:00Z')).balance).toBe('1500.5');
    expect((await balance('3000')).balance).toBe('1500.5');
    expect((await balance('5000', '2026-01-01T00:00:00Z')).balance).toBe('0');
    expect((await balance('5000', '2026-02-10')).balance).toBe('200');
    expect((await api.refused('{ accountBalance(code: "4242") { balance } }')).extensions.code).toBe('NOT_FOUND');
  });

  test('journal entries page newest first, and a manual entry is undone by a reversal', async () => {
    const page = async (after?: string) =>
      (await api.call('query($after: String) { journalEntries(first: 1, after: $after) { totalCount edges { cursor node { id number description } } pageInfo { hasNextPage endCursor } } }', { after }))
        .journalEntries;
    const first = await page();
    expect(first.totalCount).toBe(2);
    expect(first.edges[0].node.number).toBeGreaterThan((await page(first.pageInfo.endCursor)).edges[0].node.number);

    const REVERSE = 'mutation($id: ID!) { reverseJournalEntry(id: $id) { id reversesId lines { nodes { debit credit account { code } } } } }';
    const { reverseJournalEntry: reversal } = await api.call(REVERSE, { id: first.edges[0].node.id });
    expect(reversal.reversesId).toBe(first.edges[0].node.id);
    expect(reversal.lines.nodes).toEqual(expect.arrayContaining([{ debit: '200', credit: '0', account: { code: '1100' } }]));
    expect((await api.refused(REVERSE, { id: first.edges[0].node.id })).message).toMatch(/already reversed/);
    expect((await api.refused(REVERSE, { id: reversal.id })).message).toMatch(/itself a reversal/);
    expect(await balancesByCode(api)).toEqual({ '1100': '1000.5', '1200': '500', '3100': '-1500.5', '5200': '0' });
  });
});
