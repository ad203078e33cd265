import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { createCustomer } from '../../domain/customers';
import type { Prisma } from '../../generated/tenant/client';
import { notFound } from '../../errors';
import { Connection, PageArgs, paginate } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../ids';
import { pageComplexity } from './complexity';
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

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection, { complexity: pageComplexity, description: 'Customers, oldest first.' })
  async customers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { nullable: true, description: 'Matches name, email or phone.' }) search: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant();
    const where: Prisma.CustomerWhereInput = search
      ? { OR: (['name', 'email', 'phone'] as const).map((field) => ({ [field]: { contains: search, mode: 'insensitive' } })) }
      : {};
    return paginate(
      page,
      'asc',
      (id, take) => db.customer.findMany({ where: id ? { AND: [where, { id }] } : where, orderBy: { id: 'asc' }, take }),
      () => db.customer.count({ where }),
    );
  }

  @Query(() => Customer)
  async customer(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant();
    const customer = await db.customer.findUnique({ where: { id: parseId(id) } });
    if (!customer) throw notFound('customer');
    return customer;
  }

  @Mutation(() => Customer)
  async createCustomer(@Arg('input', () => CustomerInput) input: CustomerInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('write');
    return createCustomer(db, input);
  }
}
