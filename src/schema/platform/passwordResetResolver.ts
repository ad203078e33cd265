import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requestPasswordReset, resetPassword } from '../../auth/passwordReset';
import type { GatewayContext } from '../context';
import { SignsIn, Unmetered } from '../fieldExtensions';

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => Boolean, {
    description:
      'Mail a single-use reset token (valid one hour) to this address if it has an account, at most PASSWORD_RESET_MAILS_PER_HOUR times an hour. Always true, and as fast for any address: the answer tells nothing of it.',
  })
  @SignsIn()
  @Unmetered()
  requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return requestPasswordReset(ctx.services, email);
  }

  @Mutation(() => Boolean, { description: 'Set a new password with a mailed reset token (once). Every session of the account ends.' })
  @SignsIn()
  @Unmetered()
  resetPassword(@Arg('token', () => String) token: string, @Arg('password', () => String) password: string, @Ctx() ctx: GatewayContext): Promise<boolean> {
    return resetPassword(ctx.services, token, password);
  }
}
