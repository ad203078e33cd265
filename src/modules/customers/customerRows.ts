// The rows about one customer, found from the tenant model rather than a list of
// tables: the rows that refer to the customer, the rows that refer to those, and so on
// (an invoice, its items and payments, the statement line matched to a payment). This
// module requires no other, and a deployment's own models may refer to customers
// (a ClassBooking), so what refers to Customer is only known from the model of the build.
import type { Tx } from '../../domain/transaction';
import { delegateOf } from '../../graph/modelWrites';
import { tenantModel, type Model, type Relation } from '../../model/tenantModel';

export interface CustomerRows {
  model: Model;
  /** Prisma's `where` for its rows about the customer `id`: any of the chains of references that lead to them. */
  where(id: string): Record<string, unknown>;
}

/** The to-one relations of a model that refer to a row of `parent` by its id (the model holds the key). */
const referencesTo = (model: Model, parent: Model): Relation[] =>
  model.relations.filter((r) => r.kind === 'one' && r.target === parent.name && r.targetColumn === 'id' && r.localColumn !== 'id');

// A chain is the relations from a row up to the customer, nearest first: an invoice item's
// is [InvoiceItem.invoice, Invoice.customer].
type Chain = Relation[];

/** Every chain of references from each model to Customer, never through a model twice (self-references and loops end). */
function chainsToCustomer(): Map<Model, Chain[]> {
  const customer = tenantModel.models.find((m) => m.name === 'Customer')!;
  const chains = new Map<Model, Chain[]>();
  const walk = (parent: Model, above: Chain, passed: Set<string>) => {
    for (const model of tenantModel.models) {
      if (passed.has(model.name)) continue;
      for (const relation of referencesTo(model, parent)) {
        const chain = [relation, ...above];
        chains.set(model, [...(chains.get(model) ?? []), chain]);
        walk(model, chain, new Set([...passed, model.name]));
      }
    }
  };
  walk(customer, [], new Set([customer.name]));
  return chains;
}

const whereOf = (chain: Chain, id: string) => chain.reduceRight<Record<string, unknown>>((inner, relation) => ({ [relation.name]: { is: inner } }), { id });

/** The models whose rows may be about a customer, in the order of the tenant model, Customer's own rows not among them. */
export const CUSTOMER_ROWS: readonly CustomerRows[] = [...chainsToCustomer()]
  .sort(([a], [b]) => tenantModel.models.indexOf(a) - tenantModel.models.indexOf(b))
  .map(([model, chains]) => ({ model, where: (id) => (chains.length === 1 ? whereOf(chains[0], id) : { OR: chains.map((chain) => whereOf(chain, id)) }) }));

/** The rows of `rows.model` about customer `id`, with the columns `select` names, in the model's order. */
export function rowsAbout(tx: Tx, rows: CustomerRows, id: string, select: Record<string, true>) {
  return delegateOf(tx, rows.model).findMany({ where: rows.where(id), select, orderBy: rows.model.order.map(([field, direction]) => ({ [field]: direction })) });
}
