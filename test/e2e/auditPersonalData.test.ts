// The audit log never stores personal data, so erasing a customer leaves none of theirs
// behind in it: every argument of a mutation that carries a @personal column's value, or
// free-form text anyone's data may be in, is recorded as the placeholder under its own
// key, and every other argument as it was given. Which mutations and arguments those are
// comes from the gateway's schema and the tenant model; each is called here with values
// holding one distinctive name, and no entry of the tenant's log may hold it.
import { isInputObjectType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { tenantModel } from '../../src/model/tenantModel';
import { gatewaySchema } from '../../src/schema/buildSchema';
import { auditableArgs, PERSONAL, writtenModel } from '../../src/schema/personalInputs';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

type Row = Record<string, any>;

/** In every personal value the calls give, and in nothing else. */
const PII = 'Quillfeather';

/** An argument or input field the log keeps out: its path (`input.lines[].memo`) and the model its holder writes. */
interface PersonalPath {
  path: string;
  model?: string;
}

/**
 * The personal paths of a mutation, found by running the trail's own redaction over
 * arguments that fill every field of every input type (a list with one item, input
 * types within themselves cut at a depth) and seeing which came back as the placeholder.
 */
function personalPathsOf(field: GraphQLField<unknown, unknown>): PersonalPath[] {
  const holders = new Map<string, string | undefined>();
  const sample = (type: GraphQLInputType, path: string, depth: number): unknown => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return [sample(inner.ofType, `${path}[]`, depth)];
    if (!isInputObjectType(inner)) return 'value';
    if (depth > 4) return null;
    return Object.fromEntries(
      Object.values(inner.getFields()).map((child) => {
        holders.set(`${path}.${child.name}`, writtenModel(inner));
        return [child.name, sample(child.type, `${path}.${child.name}`, depth + 1)];
      }),
    );
  };
  const args = Object.fromEntries(
    field.args.map((arg) => {
      holders.set(arg.name, writtenModel(field));
      return [arg.name, sample(arg.type, arg.name, 0)];
    }),
  );
  const found: PersonalPath[] = [];
  const compare = (recorded: unknown, path: string) => {
    if (recorded === PERSONAL) found.push({ path, model: holders.get(path) });
    else if (Array.isArray(recorded)) recorded.forEach((item) => compare(item, `${path}[]`));
    else if (recorded && typeof recorded === 'object') for (const [key, value] of Object.entries(recorded)) compare(value, path ? `${path}.${key}` : key);
  };
  compare(auditableArgs(field)(args), '');
  return found;
}

const mutations = Object.values(gatewaySchema().getMutationType()!.getFields());
const personalByMutation = new Map(mutations.map((field) => [field.name, personalPathsOf(field)] as const).filter(([, paths]) => paths.length));

/** The values at `path` of `args`, every item of a list (`[]`) taken. */
function valuesAt(args: unknown, path: string): unknown[] {
  return path.split('.').reduce<unknown[]>((values, step) => {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    const next = values.map((value) => (value as Row | undefined)?.[key]).filter((value) => value !== undefined);
    return list ? next.flatMap((value) => (Array.isArray(value) ? value : [value])) : next;
  }, [args]);
}

/** `args` with every value at `paths` (but nulls) replaced by the placeholder: what the log should hold. */
function expectedRecord(args: unknown, paths: string[], at = ''): unknown {
  if (paths.includes(at)) return args === null ? null : PERSONAL;
  if (Array.isArray(args)) return args.map((item) => expectedRecord(item, paths, `${at}[]`));
  if (args && typeof args === 'object') return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, expectedRecord(value, paths, at ? `${at}.${key}` : key)]));
  return args;
}

let gw: TestGateway;
let tenantId: string;
let owner: TenantApi;
let ring: string;
let customer: string;
let paidOrder: string;
let bankAccount: string;
let booking: string;

beforeAll(async () => {
  gw = await startTestGateway();
  const user = await gw.createUser();
  tenantId = (await gw.createTenant({ slug: 'audit-personal', owner: user })).id;
  owner = tenantApi(gw, user.token, 'audit-personal');
  ring = (await owner.createProduct({ sku: 'AP-RING', name: 'Silver ring', kind: 'JEWELRY', price: '100', cost: '60' })).id;
  await owner.issue((await owner.createInvoice({ kind: 'PURCHASE', items: [{ productId: ring, quantity: '20', unitPrice: '60' }] })).id);
  customer = await owner.createCustomer('Walk-in customer');
  paidOrder = (await owner.call('mutation($i: OrderInput!) { createOrder(input: $i) { id } }', { i: { customerId: customer, items: [{ productId: ring, quantity: '1' }] } })).createOrder.id;
  await owner.call('mutation($id: ID!) { payOrder(id: $id, method: CARD) { id } }', { id: paidOrder });
  bankAccount = (await owner.call('mutation { createBankAccount(input: { name: "Main", bankName: "Lloyds", accountNumber: "GB33BUKB20201555555555" }) { id } }')).createBankAccount.id;
  const service = (await owner.call('mutation { createService(input: { name: "Yoga", durationMinutes: 60, price: "15", capacity: 10 }) { id } }')).createService.id;
  const provider = (await owner.call('mutation($s: ID!) { createProvider(input: { name: "Ana", serviceIds: [$s] }) { id } }', { s: service })).createProvider.id;
  const startsAt = new Date(Date.now() + 86_400_000).toISOString();
  const [session] = (await owner.call('mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id } }', { i: { serviceId: service, providerId: provider, startsAt } })).scheduleClass;
  booking = (await owner.call('mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c) { id } }', { s: session.id, c: customer })).bookClass.id;
});
afterAll(() => gw?.close());

const UPDATE_CUSTOMER = 'mutation($id: ID!, $input: CustomerUpdateInput!) { updateCustomer(id: $id, input: $input) { id } }';

/**
 * A call of each mutation with personal arguments, its variables named as its arguments
 * and holding PII at each of them. The test below fails until a mutation that gains
 * personal arguments has its call here.
 */
const CALLS: Record<string, () => { query: string; variables: Row }> = {
  createCustomer: () => ({
    query: 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }',
    variables: {
      input: { name: `Ada ${PII}`, email: `ada@${PII}.example`, phone: `+44 ${PII} 0100`, address: `12 ${PII} Lane, York`, nationalId: `${PII}-77`, notes: `${PII} prefers mornings` },
    },
  }),
  updateCustomer: () => ({
    query: UPDATE_CUSTOMER,
    variables: { id: customer, input: { name: `Bo ${PII}`, email: `bo@${PII}.example`, phone: `07 ${PII}`, address: `3 ${PII} Row`, nationalId: `${PII}-88`, notes: `met ${PII} at the fair` } },
  }),
  createOrder: () => ({
    query: 'mutation($input: OrderInput!) { createOrder(input: $input) { id } }',
    variables: {
      input: {
        customer: { name: `Cy ${PII}`, email: `cy@${PII}.example` },
        items: [{ productId: ring, quantity: '1' }],
        shippingAddress: `Flat 2, ${PII} Court, Leeds`,
        billingAddress: `PO Box 12, ${PII}`,
        notes: `ring the bell twice, ${PII}`,
      },
    },
  }),
  refundOrder: () => ({
    query: 'mutation($id: ID!, $amount: Decimal!, $reason: String) { refundOrder(id: $id, amount: $amount, reason: $reason) { id } }',
    variables: { id: paidOrder, amount: '10', reason: `clasp broke on ${PII}'s trip` },
  }),
  createInvoice: () => ({
    query: 'mutation($input: InvoiceInput!) { createInvoice(input: $input) { id } }',
    variables: { input: { kind: 'SALE', customerId: customer, notes: `engraved for ${PII}'s sister`, items: [{ productId: ring, quantity: '1', description: 'Silver ring, engraved' }] } },
  }),
  postJournalEntry: () => ({
    query: 'mutation($input: JournalEntryInput!) { postJournalEntry(input: $input) { id } }',
    variables: {
      input: {
        description: 'goodwill credit',
        lines: [
          { account: '5200', debit: '5', memo: `agreed with ${PII} by phone` },
          { account: '1300', credit: '5', customerId: customer, memo: `${PII}'s goodwill` },
        ],
      },
    },
  }),
  adjustStock: () => ({
    query: 'mutation($input: StockAdjustmentInput!) { adjustStock(input: $input) { product { id } } }',
    variables: { input: { productId: ring, reason: 'DAMAGE', quantity: '1', note: `dropped by ${PII} in the shop` } },
  }),
  importBankStatement: () => ({
    query: 'mutation($bankAccountId: ID!, $csv: String!) { importBankStatement(bankAccountId: $bankAccountId, csv: $csv) { imported } }',
    variables: { bankAccountId: bankAccount, csv: `Date,Amount,Reference,Description\n2026-11-02,25.00,AP-REF-1,TRANSFER FROM A ${PII}` },
  }),
  cancelBooking: () => ({
    query: 'mutation($id: ID!, $reason: String) { cancelBooking(id: $id, reason: $reason) { id } }',
    variables: { id: booking, reason: `${PII} broke a leg` },
  }),
  trackEvent: () => ({
    query: 'mutation($type: String!, $properties: JSONObject, $sessionId: String) { trackEvent(type: $type, properties: $properties, sessionId: $sessionId) { id } }',
    variables: { type: 'profile_viewed', properties: { customer: `Dee ${PII}`, email: `dee@${PII}.example` }, sessionId: 'AP-SESSION-1' },
  }),
};

/** The newest entry of `action` in the tenant's log. */
async function newestEntry(action: string) {
  return gw.services.platform.auditLog.findFirstOrThrow({ where: { tenantId, action }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}

test("every @personal column of the tenant model is kept out of the log wherever an input writes it, under the column's name", () => {
  const kept = new Set([...personalByMutation.values()].flat().map(({ path, model }) => `${model}.${path.split('.').at(-1)!.replace('[]', '')}`));
  const personal = tenantModel.models.flatMap((model) => model.columns.filter((c) => c.personal).map((c) => `${model.name}.${c.name}`));
  // A statement line's description arrives only inside importBankStatement's csv, and a
  // booking's cancel reason only as cancelBooking's reason: each is kept out whole.
  expect(personal.filter((column) => !kept.has(column))).toEqual(['BankStatementLine.description', 'Booking.cancelReason']);
  expect(personalByMutation.get('importBankStatement')).toEqual([{ path: 'csv' }]);
  expect(personalByMutation.get('cancelBooking')).toEqual([{ path: 'reason' }]);
});

test('every mutation with personal arguments has its call here', () => {
  expect(Object.keys(CALLS).sort()).toEqual([...personalByMutation.keys()].sort());
});

describe.each(Object.keys(CALLS))('%s', (action) => {
  const paths = () => personalByMutation.get(action)!.map(({ path }) => path);

  test('records each personal argument as the placeholder under its key, and the other arguments as given', async () => {
    const { query, variables } = CALLS[action]();
    // The call gives a value at every personal path, each holding PII.
    for (const path of paths()) {
      const values = valuesAt(variables, path);
      expect({ path, given: values.length > 0 }).toEqual({ path, given: true });
      for (const value of values) expect({ path, value: JSON.stringify(value).includes(PII) }).toEqual({ path, value: true });
    }
    await owner.call(query, variables);
    const entry = await newestEntry(action);
    expect((entry.details as Row).args).toEqual(expectedRecord(variables, paths()));
    expect(JSON.stringify(entry).toLowerCase()).not.toContain(PII.toLowerCase());
  });
});

test('a personal field cleared (null) is recorded as null: the log says it was cleared', async () => {
  await owner.call(UPDATE_CUSTOMER, { id: customer, input: { phone: null } });
  expect(((await newestEntry('updateCustomer')).details as Row).args).toEqual({ id: customer, input: { phone: null } });
});

test("no entry of the tenant's log holds any of the personal values, while the values of other arguments are there", async () => {
  const log = JSON.stringify(await gw.services.platform.auditLog.findMany({ where: { tenantId } }));
  expect(log.toLowerCase()).not.toContain(PII.toLowerCase());
  for (const kept of ['AP-RING', 'Silver ring, engraved', 'goodwill credit', 'AP-SESSION-1', 'profile_viewed']) expect(log).toContain(kept);
});
