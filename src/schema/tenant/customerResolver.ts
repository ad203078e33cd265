import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { createCustomer } from '../../domain/customers';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { pageComplexity } from './complexity';
import { Customer } from './types';

@InputType()
class CustomerInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) nationalId?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

@Resolver()
export class CustomerResolver {
  @Query(() => typesOf('Customer').connection, { complexity: pageComplexity, description: 'Customers, oldest first.' })
  async customers(
    @Args(() => typesOf('Customer').args) page: ListArgs,
    @Arg('search', () => String, { nullable: true, description: 'Matches name, email or phone.' }) search: string | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, search ? { or: ['name', 'email', 'phone'].map((column) => ({ [column]: { contains: search } })) } : {});
  }

  @Mutation(() => Customer)
  async createCustomer(@Arg('input', () => CustomerInput) input: CustomerInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return createCustomer(db, input);
  }
}
