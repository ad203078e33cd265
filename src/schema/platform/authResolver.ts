import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { findUser, login, signUp } from '../../auth/accounts';
import type { GatewayContext } from '../context';
import { NotAudited, SignsIn, Unmetered } from '../fieldExtensions';
import { AuthPayload, User } from './types';

@InputType()
class SignUpInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) name!: string;
}

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null without a token (and for API keys).' })
  @Unmetered()
  me(@Ctx() ctx: GatewayContext) {
    return ctx.principal?.kind === 'user' ? findUser(ctx.services, ctx.principal.userId) : null;
  }

  @Mutation(() => AuthPayload, { description: 'Create an account; it can then create tenants or be invited to them.' })
  @SignsIn()
  @Unmetered()
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GatewayContext) {
    return signUp(ctx.services, input, { userAgent: ctx.userAgent });
  }

  @Mutation(() => AuthPayload, {
    description: 'Sign in: opens a session. With `tenant`, its tokens are bound to that tenant (no X-Tenant header needed).',
  })
  @SignsIn()
  @Unmetered()
  @NotAudited()
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    return login(ctx.services, email, password, tenant, { userAgent: ctx.userAgent });
  }
}
