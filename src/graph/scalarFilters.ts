// What a `where` can ask of one column, per GraphQL scalar. Values are compared as
// the database compares them (strings by the column's collation); `contains` and
// `startsWith` ignore case; an empty `in` matches nothing and an empty `notIn`
// everything; a null operand is the same as leaving the operator out (use isNull).
import { Field, ID, InputType, Int, Float } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../schema/scalars';

@InputType({ description: 'Conditions on an ID column.' })
export class IDFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => ID, { nullable: true }) ne?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field(() => [ID], { nullable: true }) notIn?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: only rows without a value; false: only rows with one.' }) isNull?: boolean;
}

@InputType({ description: 'Conditions on a Boolean column.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true }) eq?: boolean;
  @Field(() => Boolean, { nullable: true }) ne?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'true: only rows without a value; false: only rows with one.' }) isNull?: boolean;
}

/** The filter of an ordered scalar: equality, ranges and lists. */
function orderedFilter<T>(name: string, scalar: GraphQLScalarType | typeof Int | typeof Float | typeof String, extra?: (cls: { prototype: object }) => void) {
  const cls = { [name]: class {} }[name];
  for (const op of ['eq', 'ne', 'lt', 'lte', 'gt', 'gte']) Field(() => scalar, { nullable: true })(cls.prototype, op);
  for (const op of ['in', 'notIn']) Field(() => [scalar], { nullable: true })(cls.prototype, op);
  Field(() => Boolean, { nullable: true, description: 'true: only rows without a value; false: only rows with one.' })(cls.prototype, 'isNull');
  extra?.(cls);
  InputType(name, { description: `Conditions on a ${name.replace(/Filter$/, '')} column.` })(cls);
  return cls as unknown as new () => Record<string, T>;
}

export const StringFilter = orderedFilter<string>('StringFilter', String, (cls) => {
  Field(() => String, { nullable: true, description: 'Holds this text, ignoring case.' })(cls.prototype, 'contains');
  Field(() => String, { nullable: true, description: 'Begins with this text, ignoring case.' })(cls.prototype, 'startsWith');
});
export const IntFilter = orderedFilter<number>('IntFilter', Int);
export const FloatFilter = orderedFilter<number>('FloatFilter', Float);
export const DecimalFilter = orderedFilter<string>('DecimalFilter', DecimalScalar);
export const DateTimeFilter = orderedFilter<Date>('DateTimeFilter', DateTimeScalar);
export const DateFilter = orderedFilter<Date>('DateFilter', DateScalar);

/** The filter of an enum: equality and lists only, no ranges: both engines sort an enum by its declaration, but MySQL compares one with a string by its text, so a range would mean different rows on each. */
export function enumFilter(name: string, enumType: object) {
  const filterName = `${name}Filter`;
  const cls = { [filterName]: class {} }[filterName];
  for (const op of ['eq', 'ne']) Field(() => enumType, { nullable: true })(cls.prototype, op);
  for (const op of ['in', 'notIn']) Field(() => [enumType], { nullable: true })(cls.prototype, op);
  Field(() => Boolean, { nullable: true, description: 'true: only rows without a value; false: only rows with one.' })(cls.prototype, 'isNull');
  InputType(filterName, { description: `Conditions on a ${name} column.` })(cls);
  return cls;
}

@InputType({ description: 'Conditions on a list of strings (kept as a JSON array).' })
export class StringListFilter {
  @Field(() => String, { nullable: true, description: 'The list holds this string.' }) has?: string;
}
