// The root fields of the tenant graph: for every model, its list (`gymClasses`) and
// one row by id (`gymClass(id)`), both answered by one planned statement. A module
// that claims a model may write either field itself (with arguments of its own,
// e.g. `products(filter:)`); then this one is not generated.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver, type ClassType } from 'type-graphql';
import { parseId } from '../ids';
import type { ListArgs } from '../planner/statement';
import type { WhereInput } from '../planner/where';
import type { GatewayContext } from '../schema/context';
import { pageComplexity } from '../schema/tenant/complexity';
import { allModelTypes } from './modelTypes';
import { readTenant } from './readTenant';

/** Resolver classes with the root fields of every model but those named in `written`. */
export function generatedRootFields(written: ReadonlySet<string>): ClassType[] {
  return allModelTypes().map(({ model, object, connection, args }) => {
    const name = `${model.typeName}RootFields`;
    const resolver = { [name]: class {} }[name] as ClassType;
    const method = (field: string, value: (...params: never[]) => unknown) => {
      const descriptor: PropertyDescriptor = { value, writable: true, configurable: true };
      Object.defineProperty(resolver.prototype, field, descriptor);
      return descriptor;
    };
    if (!written.has(model.plural)) {
      const descriptor = method(model.plural, (page: ListArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => readList(ctx, info, page));
      Args(() => args)(resolver.prototype, model.plural, 0);
      Ctx()(resolver.prototype, model.plural, 1);
      Info()(resolver.prototype, model.plural, 2);
      Query(() => connection, { complexity: pageComplexity, description: `${model.typeName} rows, a page at a time.` })(resolver.prototype, model.plural, descriptor);
    }
    if (!written.has(model.singular)) {
      const descriptor = method(model.singular, (id: string, ctx: GatewayContext, info: GraphQLResolveInfo) =>
        readTenant(ctx, info, { kind: 'one', id: parseId(id), what: model.singular }),
      );
      Arg('id', () => ID)(resolver.prototype, model.singular, 0);
      Ctx()(resolver.prototype, model.singular, 1);
      Info()(resolver.prototype, model.singular, 2);
      Query(() => object, { description: `One ${model.typeName} by id.` })(resolver.prototype, model.singular, descriptor);
    }
    Resolver()(resolver);
    return resolver;
  });
}

/** A root list: the page the arguments ask for, with `extra` conditions of a field's own arguments. */
export const readList = (ctx: GatewayContext, info: GraphQLResolveInfo, args: ListArgs, ...extra: WhereInput[]) =>
  readTenant(ctx, info, { kind: 'list', args, extra });
