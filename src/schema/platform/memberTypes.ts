// GraphQL types of a tenant's people: its members and the invitations still open.
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MemberRole } from '../enums';
import { DateTimeScalar } from '../scalars';
import { Tenant } from './types';

export const MemberStatus = { ACTIVE: 'ACTIVE' } as const;
registerEnumType(MemberStatus, { name: 'MemberStatus', description: 'ACTIVE: a member now. People invited but not yet joined are in `invitations`.' });

@ObjectType({ description: "A person's membership of the request's tenant." })
export class Member {
  @Field(() => ID, { description: 'The membership.' }) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => ID) tenantId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => MemberRole) role!: MemberRole;
  @Field(() => MemberStatus) status!: keyof typeof MemberStatus;
  @Field(() => DateTimeScalar) joinedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Their last login, in any tenant; null: never since this was recorded.' }) lastSignInAt!: Date | null;
}

@ObjectType({ description: 'An offer to join a tenant, accepted with its token by the signed-in person with this email.' })
export class Invitation {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field(() => String) email!: string;
  @Field(() => MemberRole) role!: MemberRole;
  @Field(() => ID, { nullable: true, description: 'Who invited; null once that account is gone.' }) invitedById!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'INVITATION_TTL_DAYS after it was made.' }) expiresAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedInvitation {
  @Field(() => Invitation) invitation!: Invitation;
  @Field(() => String, { description: 'For acceptInvitation. Shown this once (and mailed when SMTP_URL is set): only its SHA-256 is kept.' }) token!: string;
  @Field(() => Boolean, { description: 'Whether the invitation was mailed; false without SMTP_URL or when sending failed (the invitation stands).' }) mailed!: boolean;
}

@ObjectType()
export class AcceptedInvitation {
  @Field(() => Member) member!: Member;
  @Field(() => Tenant, { description: 'The tenant joined: send its slug as X-Tenant.' }) tenant!: Tenant;
}
