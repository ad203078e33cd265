// What the tenant-scale benchmarks ask each tenant, the same text through the gateway
// (bench:tenants) and on the data path alone (bench:datapath): a page of five of the
// tenant's rows, each shape a root list answered by one planned statement.
export const TENANT_SHAPES = [
  { name: 'product page', query: '{ products(first: 5) { nodes { id name price category { name } } } }' },
  {
    name: 'invoice page, nested',
    query: '{ invoices(first: 5) { nodes { number total customer { name } items { nodes { quantity product { sku category { name } } } } payments { nodes { amount } } } } }',
  },
];
