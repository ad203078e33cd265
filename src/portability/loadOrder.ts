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
  const byName = new Map(models.map((m) => [m.name, m]));
  const placed = new Map<string, number>();
  const visiting = new Set<string>();
  const order: Model[] = [];
  const place = (model: Model) => {
    if (placed.has(model.name) || visiting.has(model.name)) return;
    visiting.add(model.name);
    for (const { target } of foreignKeys(model).sort((a, b) => a.target.localeCompare(b.target))) {
      const parent = byName.get(target);
      // A parent being placed already is further up this path: a cycle, closed by the key deferred below.
      if (parent) place(parent);
    }
    visiting.delete(model.name);
    placed.set(model.name, order.length);
    order.push(model);
  };
  for (const model of [...models].sort((a, b) => a.name.localeCompare(b.name))) place(model);

  return order.map((model, index) => {
    const deferred = foreignKeys(model)
      .filter(({ target }) => placed.has(target) && placed.get(target)! >= index)
      .map(({ column }) => column);
    const required = deferred.find((column) => !column.nullable);
    if (required) throw new Error(`${model.name}.${required.name} is part of a cycle of foreign keys that may not be null: no order loads these tables`);
    return { model, deferred };
  });
}
