// The inputs of a list, in the tenant graph and on the platform alike: its page
// (first/after, last/before), its order (`<Type>OrderBy`: FIELD_ASC and FIELD_DESC,
// ties always broken by id) and its where (per-field filters, and/or/not).
import { ArgsType, Field, InputType, Int, registerEnumType, type ClassType } from 'type-graphql';
import { constantCase } from '../model/names';
import type { Direction } from '../model/tenantModel';
import { orderValues } from '../planner/listKeys';
import { DEFAULT_PAGE, MAX_PAGE } from '../planner/pageSize';

/** `<Type>OrderBy` over `fields`, and what each of its values means: `PRICE_DESC` -> [price, desc]. */
export function orderByEnum(typeName: string, fields: readonly string[]) {
  const values = orderValues(fields);
  const orderBy = Object.fromEntries([...values.keys()].map((v) => [v, v]));
  registerEnumType(orderBy, { name: `${typeName}OrderBy`, description: `Sorts ${typeName} lists; ties are always broken by id.` });
  return { orderBy, values };
}

/** An order as its OrderBy values say it: `PRICE_DESC, ID_ASC`. */
export const describeOrder = (order: ReadonlyArray<[field: string, direction: Direction]>) =>
  order.map(([field, direction]) => `${constantCase(field)}_${direction.toUpperCase()}`).join(', ');

/** Makes `where` (its field filters declared) the input `<Type>Where`, with and/or/not. */
export function declareWhere(where: ClassType, typeName: string): void {
  Field(() => [where], { nullable: true, description: 'Every one of these matches.' })(where.prototype, 'and');
  Field(() => [where], { nullable: true, description: 'At least one of these matches.' })(where.prototype, 'or');
  Field(() => where, { nullable: true, description: 'This does not match.' })(where.prototype, 'not');
  InputType(`${typeName}Where`, { description: `Which ${typeName} rows: every condition given must hold.` })(where);
}

/** Makes `args` the arguments of a list: first/after/last/before, orderBy (`defaultOrder` without it) and where. */
export function declareListArgs(args: ClassType, orderBy: object, where: ClassType, defaultOrder: string): void {
  Field(() => Int, { nullable: true, description: `The first rows (at most ${MAX_PAGE}). A root list without first or last gives the first ${DEFAULT_PAGE}; a nested one all of its rows.` })(args.prototype, 'first');
  Field(() => String, { nullable: true, description: 'Rows after this cursor.' })(args.prototype, 'after');
  Field(() => Int, { nullable: true, description: `The last rows (at most ${MAX_PAGE}).` })(args.prototype, 'last');
  Field(() => String, { nullable: true, description: 'Rows before this cursor.' })(args.prototype, 'before');
  Field(() => [orderBy], { nullable: true, description: `Default: ${defaultOrder}.` })(args.prototype, 'orderBy');
  Field(() => where, { nullable: true })(args.prototype, 'where');
  ArgsType()(args);
}
