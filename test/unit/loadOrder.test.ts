// The order an archive's tables load in: each after the tables its foreign keys point
// at; a key into its own table, or one closing a cycle, loaded afterwards; a cycle of
// keys that may not be null refused.
import { tenantModel, type Model } from '../../src/model/tenantModel';
import { loadOrder } from '../../src/portability/loadOrder';

/** A model whose `keys` (column -> target model, nullable or not) are its only relations. */
function model(name: string, keys: Record<string, [target: string, nullable: boolean]>): Model {
  return {
    name,
    table: name,
    columns: [
      { name: 'id', column: 'id', scalar: 'ID', nullable: false, isId: true },
      ...Object.entries(keys).map(([column, [, nullable]]) => ({ name: column, column, scalar: 'ID' as const, nullable })),
    ],
    relations: Object.entries(keys).map(([column, [target, nullable]]) => ({
      name: column,
      target,
      kind: 'one' as const,
      localColumn: column,
      targetColumn: 'id',
      nullable,
    })),
  } as Model;
}

const named = (steps: ReturnType<typeof loadOrder>) => steps.map(({ model, deferred }) => [model.name, deferred.map((c) => c.name)]);

test('the tenant model loads every table after its parents, and only references within a table afterwards', () => {
  const steps = loadOrder(tenantModel.models);
  expect(steps.map((s) => s.model.name).sort()).toEqual(tenantModel.models.map((m) => m.name).sort());
  const position = new Map(steps.map((s, i) => [s.model.name, i]));
  const beforeTheirParents = steps.flatMap(({ model }, index) =>
    model.relations
      .filter((r) => r.kind === 'one' && r.localColumn !== 'id' && r.target !== model.name && position.get(r.target)! > index)
      .map((r) => `${model.name}.${r.name}`),
  );
  expect(beforeTheirParents).toEqual([]);
  expect(steps.filter((s) => s.deferred.length > 0).map((s) => `${s.model.name}.${s.deferred.map((c) => c.name).join()}`)).toEqual([
    'Account.parentId',
    'Category.parentId',
    'JournalEntry.reversesId',
  ]);
});

test('the same order every time, whatever order the models come in', () => {
  const models = [model('Line', { orderId: ['Order', false] }), model('Order', { customerId: ['Customer', true] }), model('Customer', {})];
  expect(named(loadOrder(models))).toEqual([
    ['Customer', []],
    ['Order', []],
    ['Line', []],
  ]);
  expect(named(loadOrder([...models].reverse()))).toEqual(named(loadOrder(models)));
});

test('a cycle between tables is broken at a key that may be null, whichever name comes first', () => {
  const models = [model('Alpha', { betaId: ['Beta', false] }), model('Beta', { alphaId: ['Alpha', true] })];
  expect(named(loadOrder(models))).toEqual([
    ['Beta', ['alphaId']],
    ['Alpha', []],
  ]);
});

test('a cycle of keys that may not be null, or a required key into its own table, cannot load', () => {
  expect(() => loadOrder([model('Alpha', { betaId: ['Beta', false] }), model('Beta', { alphaId: ['Alpha', false] })])).toThrow(/Alpha, Beta form a cycle/);
  expect(() => loadOrder([model('Node', { parentId: ['Node', false] })])).toThrow(/Node.parentId points at its own table and may not be null/);
});
