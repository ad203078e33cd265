// What `npm run bench` asks both servers, in one place: each shape as the gateway's
// query and as PostGraphile's users write it (amber preset: `rowId`, `allX`,
// `xByY`; `nodes`; `orderBy` on indexed columns, the primary key breaking ties;
// `filter` from postgraphile-plugin-connection-filter; `groupedAggregates` from
// @graphile/pg-aggregates). Where the gateway has a default order (connections by id:
// products and customers ascending, invoices and journal entries newest first)
// PostGraphile is given the same one.
import { FRESH_ID } from './wrk';

/** A query alone, or with variables (as clients send mutations: one document, so servers plan it once). */
export type Operation = string | { query: string; variables: Record<string, unknown> };

export interface Shape {
  name: string;
  ours: Operation;
  theirs: Operation;
  /** It creates rows in this table (the bench counts them); listed last, so the reads see the filled rows only. */
  writes?: { table: string };
  /** Ids of rows the bench made that it refers to (a foreign key): its SQL alone keeps them. */
  refers?: string[];
}

export interface ShapeRows {
  /** A product to ask for by id. */
  productId: string;
  /** A gym (a model no module claims) to create classes at. */
  gymId: string;
  /** Invoices issued from here on are "recent" (half of them). */
  recentSince: Date;
}

export function requestShapes({ productId, gymId, recentSince }: ShapeRows): Shape[] {
  const since = JSON.stringify(recentSince.toISOString());
  const productFields = 'sku name price';
  return [
    {
      name: 'product page of 20',
      ours: `{ products(first: 20) { nodes { id ${productFields} category { id name } } totalCount pageInfo { hasNextPage endCursor } } }`,
      theirs: `{ allProducts(first: 20) { nodes { rowId ${productFields} categoryByCategoryId { rowId name } } totalCount pageInfo { hasNextPage endCursor } } }`,
    },
    {
      name: 'product by id',
      ours: `{ product(id: "${productId}") { id ${productFields} category { name } } }`,
      theirs: `{ productByRowId(rowId: "${productId}") { rowId ${productFields} categoryByCategoryId { name } } }`,
    },
    {
      name: 'products by price, from 100 up',
      ours: `{ products(first: 20, orderBy: [PRICE_DESC], where: { price: { gte: "100" } }) { nodes { id ${productFields} category { id name } } totalCount pageInfo { hasNextPage endCursor } } }`,
      theirs: `{ allProducts(first: 20, orderBy: [PRICE_DESC], filter: { price: { greaterThanOrEqualTo: "100" } }) { nodes { rowId ${productFields} categoryByCategoryId { rowId name } } totalCount pageInfo { hasNextPage endCursor } } }`,
    },
    {
      name: 'products by price, last page',
      ours: `{ products(last: 20, orderBy: [PRICE_DESC]) { nodes { id ${productFields} } pageInfo { hasPreviousPage startCursor } } }`,
      theirs: `{ allProducts(last: 20, orderBy: [PRICE_DESC]) { nodes { rowId ${productFields} } pageInfo { hasPreviousPage startCursor } } }`,
    },
    {
      name: 'invoice page of 20, nested',
      ours: '{ invoices(first: 20) { nodes { number total customer { name } items { nodes { quantity product { sku category { name } } } } payments { nodes { amount } } } } }',
      theirs:
        '{ allInvoices(first: 20, orderBy: [PRIMARY_KEY_DESC]) { nodes { number total customerByCustomerId { name } invoiceItemsByInvoiceId { nodes { quantity productByProductId { sku categoryByCategoryId { name } } } } paymentsByInvoiceId { nodes { amount } } } } }',
    },
    {
      name: 'customers with their last 3 invoices',
      ours: '{ customers(first: 20) { nodes { name invoices(first: 3, orderBy: [ISSUE_DATE_DESC]) { nodes { number total issueDate } } } } }',
      theirs: '{ allCustomers(first: 20) { nodes { name invoicesByCustomerId(first: 3, orderBy: [ISSUE_DATE_DESC]) { nodes { number total issueDate } } } } }',
    },
    {
      name: 'open invoices of the last 6 months',
      ours: `{ invoices(first: 20, orderBy: [ISSUE_DATE_DESC], where: { status: { in: [ISSUED, PARTIALLY_PAID] }, issueDate: { gte: ${since} } }) { nodes { number status issueDate total customer { name } } totalCount } }`,
      theirs: `{ allInvoices(first: 20, orderBy: [ISSUE_DATE_DESC], filter: { status: { in: [ISSUED, PARTIALLY_PAID] }, issueDate: { greaterThanOrEqualTo: ${since} } }) { nodes { number status issueDate total customerByCustomerId { name } } totalCount } }`,
    },
    {
      // pg-aggregates has no count per group: its users count distinct primary keys.
      name: 'invoice totals by status',
      ours: '{ invoices { groupedAggregates(groupBy: [STATUS]) { keys count sum { total } } } }',
      theirs: '{ allInvoices { groupedAggregates(groupBy: [STATUS]) { keys distinctCount { rowId } sum { total } } } }',
    },
    {
      name: 'journal page of 20 with lines',
      ours: '{ journalEntries(first: 20) { nodes { number date description lines { nodes { debit credit account { code name } } } } } }',
      theirs:
        '{ allJournalEntries(first: 20, orderBy: [PRIMARY_KEY_DESC]) { nodes { number date description journalLinesByEntryId { nodes { debit credit accountByAccountId { code name } } } } } }',
    },
    {
      // The table has no defaults for id and updatedAt (Prisma fills them in): PostGraphile's users send both.
      name: 'create a customer',
      ours: {
        query: 'mutation($input: CustomerInput!) { createCustomer(input: $input) { id name } }',
        variables: { input: { name: 'Bench customer', email: `${FRESH_ID}@example.com` } },
      },
      theirs: {
        query: 'mutation($customer: CustomerInput!) { createCustomer(input: { customer: $customer }) { customer { rowId name } } }',
        variables: { customer: { rowId: FRESH_ID, name: 'Bench customer', email: `${FRESH_ID}@example.com`, updatedAt: new Date().toISOString() } },
      },
      writes: { table: 'Customer' },
    },
    {
      // A model no module claims (the gym fixture's GymClass), created by the generic
      // mutation; its id has no database default either (Prisma fills it in).
      name: 'create a gym class (generic)',
      ours: {
        query: 'mutation($input: CreateGymClassInput!) { createGymClass(input: $input) { id title } }',
        variables: { input: { gymId, title: 'Bench class', startsAt: '2026-06-01T09:00:00Z', capacity: 12, price: '15.50' } },
      },
      theirs: {
        query: 'mutation($gymClass: GymClassInput!) { createGymClass(input: { gymClass: $gymClass }) { gymClass { rowId title } } }',
        variables: { gymClass: { rowId: FRESH_ID, gymId, title: 'Bench class', startsAt: '2026-06-01T09:00:00Z', capacity: 12, price: '15.50' } },
      },
      writes: { table: 'GymClass' },
      refers: [gymId],
    },
  ];
}

/** The HTTP body that sends the operation. */
export const bodyOf = (operation: Operation) => JSON.stringify(typeof operation === 'string' ? { query: operation } : operation);
