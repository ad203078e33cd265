import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../../schema/context';
import { WritesModel } from '../../schema/personalInputs';
import { JSONObjectScalar } from '../../schema/scalars';
import { pageComplexity } from '../../schema/tenant/complexity';
import { rewriteDeliveries } from '../../webhooks/rewriteDeliveries';
import { customerData } from './customerData';
import { createCustomer, deleteCustomer, updateCustomer } from './customers';
import { eraseCustomer } from './eraseCustomer';
import { Customer } from './types';

@InputType()
@WritesModel('Customer')
class CustomerInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) nationalId?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

@InputType({ description: 'The fields to change: those left out stay as they are, and null clears an optional one.' })
@WritesModel('Customer')
class CustomerUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
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

  // The whole of one person's data is for those who run the tenant, as its usage and audit
  // log are: records.read (admins and owners), not data.read (every member).
  @Query(() => JSONObjectScalar, {
    description:
      'Everything the tenant holds about one customer (their right of access): `customer`, then each kind of row the tenant holds about them under the name of its list (`invoices`, `invoiceItems`, `payments`, `orders`, `journalLines`, ...; a kind with none is left out) and the `analyticsEvents` naming them. Decimals as strings, times in UTC. Admins and owners.',
  })
  async customerData(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db, role } = await ctx.tenant('records.read');
    return customerData(db, parseId(id), role);
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

  // Irreversible, and it rewrites what members cannot change (events, the documents' notes):
  // data.configure, the admins' and owners' action that shapes the books.
  @Mutation(() => Customer, {
    description:
      "Erases a customer's personal data (their right to erasure): name (`erased customer`), contact details and notes, the same on the rows about them (an order's addresses, an invoice's notes) and in the events naming them; amounts, postings, numbers and ids stay. Records `customer.erased`. An erased customer is refused (CONFLICT) by a second erasure, `updateCustomer` and new invoices and orders. Admins and owners.",
  })
  async eraseCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.configure');
    return eraseCustomer(db, parseId(id), (events) => rewriteDeliveries(ctx.services.platform, tenant.id, events));
  }

  @Mutation(() => Boolean, { description: 'Deletes a customer no invoice, order or journal line refers to (CONFLICT otherwise, with extensions.referencedBy).' })
  async deleteCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return deleteCustomer(db, parseId(id));
  }
}
