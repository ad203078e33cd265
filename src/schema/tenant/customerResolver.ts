import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { createCustomer, deleteCustomer, updateCustomer } from '../../domain/customers';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../../ids';
import { pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { Customer } from './types';

const CustomerConnection = Connection(Customer);

@InputType()
class CustomerInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) nationalId?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

@InputType({ description: 'The fields to change: those left out stay as they are, and null clears an optional one.' })
class CustomerUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, { complexity: pageComplexity, description: 'Customers, oldest first.' })
  async customers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { nullable: true, description: 'Matches name, email or phone.' }) search: string | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = search ? [{ op: 'contains' as const, columns: ['name', 'email', 'phone'], value: search }] : [];
    return readTenant(ctx, info, { kind: 'connection', type: 'Customer', where, direction: 'asc', page });
  }

  @Query(() => Customer)
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'one', type: 'Customer', id: parseId(id), what: 'customer' });
  }

  @Mutation(() => Customer)
  async createCustomer(@Arg('input', () => CustomerInput) input: CustomerInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return createCustomer(db, input);
  }

  @Mutation(() => Customer)
  async updateCustomer(@Arg('id', () => ID) id: string, @Arg('input', () => CustomerUpdateInput) input: CustomerUpdateInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return updateCustomer(db, parseId(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a customer no invoice, order or journal line refers to (CONFLICT otherwise, with extensions.referencedBy).' })
  async deleteCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return deleteCustomer(db, parseId(id));
  }
}
