// A tenant's API as a test uses it: one user, one tenant, real HTTP. `call` fails the
// test on any GraphQL error; `refused` returns the error a call was refused with.
import type { TestGateway } from './testGateway';

export interface TenantApi {
  call<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  refused(query: string, variables?: Record<string, unknown>): Promise<{ message: string; extensions: { code: string; [key: string]: unknown } }>;
  createProduct(input: Record<string, unknown>): Promise<{ id: string; sku: string }>;
  createCustomer(name: string): Promise<string>;
  createInvoice(input: Record<string, unknown>): Promise<{ id: string; number: string; total: string }>;
  issue(id: string): Promise<{ status: string }>;
  pay(invoiceId: string, amount: string, method?: string, details?: Record<string, unknown>): Promise<{ id: string; invoice: { status: string; amountPaid: string } }>;
  void(id: string): Promise<{ status: string }>;
  stockOf(productId: string): Promise<string>;
}

export function tenantApi(gw: TestGateway, token: string, tenant: string): TenantApi {
  async function call(query: string, variables?: Record<string, unknown>) {
    const response = await gw.request(query, { token, tenant, variables });
    if (response.body.errors) throw new Error(`${response.body.errors.map((e) => `${e.extensions.code}: ${e.message}`).join('; ')}\n${query}`);
    return response.body.data;
  }
  async function refused(query: string, variables?: Record<string, unknown>) {
    const response = await gw.request(query, { token, tenant, variables });
    if (!response.body.errors) throw new Error(`expected an error, got ${JSON.stringify(response.body.data)}`);
    return response.body.errors[0];
  }
  return {
    call,
    refused,
    async createProduct(input) {
      return (await call('mutation($i: ProductInput!) { createProduct(input: $i) { id sku } }', { i: input })).createProduct;
    },
    async createCustomer(name) {
      return (await call('mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', { n: name })).createCustomer.id;
    },
    async createInvoice(input) {
      return (await call('mutation($i: InvoiceInput!) { createInvoice(input: $i) { id number total } }', { i: input })).createInvoice;
    },
    async issue(id) {
      return (await call('mutation($id: ID!) { issueInvoice(id: $id) { status } }', { id })).issueInvoice;
    },
    async pay(invoiceId, amount, method = 'CASH', details) {
      const query = `mutation($id: ID!, $a: Decimal!, $m: PaymentMethod!, $d: PaymentDetails) {
        recordPayment(invoiceId: $id, amount: $a, method: $m, details: $d) { id invoice { status amountPaid } } }`;
      return (await call(query, { id: invoiceId, a: amount, m: method, d: details })).recordPayment;
    },
    async void(id) {
      return (await call('mutation($id: ID!) { voidInvoice(id: $id) { status } }', { id })).voidInvoice;
    },
    async stockOf(productId) {
      return (await call('query($id: ID!) { product(id: $id) { stock } }', { id: productId })).product.stock;
    },
  };
}

/** Balances of every account in the trial balance, by code, debit positive. */
export async function balancesByCode(api: TenantApi, asOf?: string): Promise<Record<string, string>> {
  const { trialBalance } = await api.call('query($at: DateOrDateTime) { trialBalance(asOf: $at) { lines { account { code } debit credit } } }', { at: asOf });
  return Object.fromEntries(
    trialBalance.lines.map((l: any) => [l.account.code, l.credit !== '0' ? `-${l.credit}` : l.debit]),
  );
}
