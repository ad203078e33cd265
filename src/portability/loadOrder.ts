// The order a tenant's tables are loaded in, from the tenant model's relations: every
// table after the tables its foreign keys point at, so each row's references exist
// when it is inserted. A foreign key that cannot be satisfied so (one pointing at its
// own table, as a category's parent, or closing a cycle between tables) is loaded
// empty and set once every row is in: it is "deferred". Only a key that may be null
// can be; a cycle through keys that may not is refused as the model's fault.
import type { Column, Model } from '../model/tenantModel';

export interface LoadStep {
  model: Model;
  /** Its foreign key columns that point at its own table or at one loaded after it. */
  deferred: Column[];
}

/** The foreign keys a model holds: its to-one relations whose column is not its own id. */
function foreignKeys(model: Model): Array<{ column: Column; target: string }> {
  return model.relations
    .filter((relation) => relation.kind === 'one')
    .map((relation) => ({ column: model.columns.find((c) => c.column === relation.localColumn)!, target: relation.target }))
    .filter(({ column }) => !column.isId);
}

/** `models` in load order (ties by name, so the order is the same every time), each with its deferred keys. */
export function loadOrder(models: Model[]): LoadStep[] {
  const remaining = new Map([...models].sort((a, b) => a.name.localeCompare(b.name)).map((m) => [m.name, m]));
  /** Its keys to other models still to load, which would be deferred if it loaded now. */
  const waitingOn = (model: Model) => foreignKeys(model).filter(({ target }) => target !== model.name && remaining.has(target));
  const order: Model[] = [];
  while (remaining.size > 0) {
    const waiting = [...remaining.values()];
    // A model none of whose parents is still to load; else, in a cycle, one whose keys into it may be null.
    const next = waiting.find((m) => waitingOn(m).length === 0) ?? waiting.find((m) => waitingOn(m).every(({ column }) => column.nullable));
    if (!next)
      throw new Error(`the foreign keys of ${waiting.map((m) => m.name).join(', ')} form a cycle none of whose keys may be null: no order loads these tables`);
    order.push(next);
    remaining.delete(next.name);
  }
  const position = new Map(order.map((m, index) => [m.name, index]));
  return order.map((model, index) => {
    const deferred = foreignKeys(model)
      .filter(({ target }) => position.has(target) && position.get(target)! >= index)
      .map(({ column }) => column);
    const required = deferred.find((column) => !column.nullable);
    if (required) throw new Error(`${model.name}.${required.name} points at its own table and may not be null: its rows cannot be loaded in batches`);
    return { model, deferred };
  });
}
