import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { DecimalScalar } from '../../schema/scalars';
import { setProductComponents } from './billOfMaterials';
import { Product } from './types';

@InputType()
class BomComponentInput {
  @Field(() => ID) componentId!: string;
  @Field(() => DecimalScalar) quantity!: string;
}

@Resolver()
export class BillOfMaterialsResolver {
  @Mutation(() => Product, { description: "Replaces a product's bill of materials (an empty list removes it)." })
  async setProductComponents(
    @Arg('productId', () => ID) productId: string,
    @Arg('components', () => [BomComponentInput]) components: BomComponentInput[],
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.write');
    return setProductComponents(db, parseId(productId, 'productId'), components);
  }
}
