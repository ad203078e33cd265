import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { Isolation, MemberRole, TenantEngine, TenantStatus } from '../enums';

@ObjectType({ description: 'A subscription plan and its limits (null: unlimited).' })
export class Plan {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => DecimalScalar) monthlyPrice!: unknown;
  @Field(() => DecimalScalar) annualPrice!: unknown;
  @Field(() => String) currency!: string;
  @Field(() => Int, { nullable: true }) maxProducts!: number | null;
  @Field(() => Int, { nullable: true }) maxInvoicesPerMonth!: number | null;
  @Field(() => Int, { nullable: true }) maxOrdersPerMonth!: number | null;
  @Field(() => Int, { nullable: true }) maxBookingsPerMonth!: number | null;
  @Field(() => Int, { nullable: true }) maxApiCallsPerMonth!: number | null;
  @Field(() => Int, { nullable: true }) maxStorageMb!: number | null;
  @Field(() => Int, { nullable: true, description: 'Its tenants are backed up every so many hours (null: not at all), unless a tenant’s own policy says otherwise.' })
  backupEveryHours!: number | null;
  @Field(() => Int, { description: 'How many scheduled backups of a tenant are kept.' }) backupKeep!: number;
  @Field(() => Int) trialDays!: number;
}

@ObjectType({ description: 'A customer of the platform, with its own database.' })
export class Tenant {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => TenantStatus) status!: TenantStatus;
  @Field(() => Isolation) isolation!: Isolation;
  @Field(() => TenantEngine) engine!: TenantEngine;
  @Field(() => String, { description: 'BCP 47 language tag, e.g. "en" or "fa".' }) locale!: string;
  @Field(() => String, { description: 'ISO 4217 code its books are kept in.' }) currency!: string;
  @Field(() => String, { description: 'IANA time zone its reports group days and months by (the report.timeZone setting).' }) timeZone!: string;
  @Field(() => String, { nullable: true, description: 'Why it is suspended, while it is.' }) suspendedReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Since when it is suspended, while it is.' }) suspendedAt!: Date | null;
  @Field(() => Plan) plan!: Plan;
  @Field(() => String, {
    nullable: true,
    description: 'The last tenant migration applied to its tables (see schemaVersions); null until known. POOL tenants of a server share their tables, and so their version.',
  })
  schemaVersion!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: 'A DNS record to publish.' })
export class DnsRecord {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'e.g. TXT.' }) type!: string;
  @Field(() => String) value!: string;
}

@ObjectType({
  description: "A host name the tenant claims as its own. Once verified (its verificationRecord published, then verifyTenantDomain), requests for it are routed to the tenant like its subdomain.",
})
export class TenantDomain {
  @Field(() => String, { description: 'Lowercase, e.g. shop.example.com.' }) domain!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was verified; null while it routes nowhere.' }) verifiedAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType()
export class Membership {
  @Field(() => MemberRole) role!: MemberRole;
  @Field(() => Tenant) tenant!: Tenant;
}

@ObjectType()
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => Boolean) isPlatformAdmin!: boolean;
  @Field(() => [Membership]) memberships!: Membership[];
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'The access token: send as `Authorization: Bearer <token>`. Short-lived (ACCESS_TOKEN_TTL): `refreshSession` gives the next.' })
  token!: string;
  @Field(() => DateTimeScalar, { description: 'When `token` expires: refresh before then.' }) accessTokenExpiresAt!: Date;
  @Field(() => String, { description: 'For `refreshSession`, once: each refresh answers with a new one. Keep it secret, like a password.' })
  refreshToken!: string;
  @Field(() => DateTimeScalar, { description: 'When `refreshToken` expires (SESSION_TTL after it was issued).' }) expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType({ description: 'A signed-in device of the caller: a login, renewed by its refreshes.' })
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The User-Agent that signed in.' }) userAgent!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'The last login or refresh.' }) lastUsedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it ends unless refreshed.' }) expiresAt!: Date;
}
