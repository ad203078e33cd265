import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { createProduct, deleteProduct, updateProduct } from '../../domain/products';
import type { Product as ProductRow, Prisma } from '../../generated/tenant/client';
import { notFound } from '../../errors';
import { Connection, PageArgs, paginate } from '../connection';
import type { GatewayContext } from '../context';
import { ProductKind } from '../enums';
import { parseId } from '../ids';
import { DecimalScalar, JSONObjectScalar } from '../scalars';
import { pageComplexity } from './complexity';
import { Category, Product } from './types';

const ProductConnection = Connection(Product);

@InputType()
class ProductFilter {
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => ProductKind, { nullable: true }) kind?: ProductKind;
  @Field(() => String, { nullable: true, description: 'Matches name or SKU, ignoring case.' }) search?: string;
}

@InputType()
class ProductInput {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProductKind) kind!: ProductKind;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => DecimalScalar) price!: string;
  @Field(() => DecimalScalar, { nullable: true }) cost?: string;
  @Field(() => String, { nullable: true, description: "Defaults to the tenant's currency." }) currency?: string;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Boolean, { nullable: true }) trackStock?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true }) attributes?: Record<string, unknown>;
}

@InputType()
class ProductUpdateInput {
  @Field(() => String, { nullable: true }) sku?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProductKind, { nullable: true }) kind?: ProductKind;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => DecimalScalar, { nullable: true }) price?: string;
  @Field(() => DecimalScalar, { nullable: true }) cost?: string;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Boolean, { nullable: true }) trackStock?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true }) attributes?: Record<string, unknown>;
}

function productWhere(filter: ProductFilter | undefined): Prisma.ProductWhereInput {
  if (!filter) return {};
  return {
    ...(filter.categoryId ? { categoryId: parseId(filter.categoryId, 'filter.categoryId') } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.search
      ? { OR: [{ name: { contains: filter.search, mode: 'insensitive' } }, { sku: { contains: filter.search, mode: 'insensitive' } }] }
      : {}),
  };
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { complexity: pageComplexity, description: 'Products, oldest first.' })
  async products(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant();
    const where = productWhere(filter);
    return paginate(
      page,
      'asc',
      (id, take) => db.product.findMany({ where: id ? { AND: [where, { id }] } : where, orderBy: { id: 'asc' }, take }),
      () => db.product.count({ where }),
    );
  }

  @Query(() => Product)
  async product(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant();
    const product = await db.product.findUnique({ where: { id: parseId(id) } });
    if (!product) throw notFound('product');
    return product;
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() product: ProductRow, @Ctx() ctx: GatewayContext) {
    return product.categoryId ? ctx.scope.loaders.category.load(product.categoryId) : null;
  }

  @Mutation(() => Product)
  async createProduct(@Arg('input', () => ProductInput) input: ProductInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('write');
    return withinPlanLimit(ctx.services, { db, tenant }, 'maxProducts', (tx) => createProduct(tx, tenant.currency, input));
  }

  @Mutation(() => Product)
  async updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ProductUpdateInput) input: ProductUpdateInput,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('write');
    return updateProduct(db, parseId(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a product no invoice refers to.' })
  async deleteProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('write');
    return deleteProduct(db, parseId(id));
  }
}
