import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { ExportOrigin, ExportStatus } from '../enums';

@ObjectType({ description: 'An archive of one tenant’s data (docs/archive-format.md): exported, a scheduled backup, or uploaded.' })
export class TenantExport {
  @Field(() => ID) id!: string;
  @Field(() => ExportOrigin) origin!: ExportOrigin;
  @Field(() => ExportStatus) status!: ExportStatus;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the whole archive file, hex.' }) sha256!: string | null;
  @Field(() => Int, { nullable: true }) tables!: number | null;
  @Field(() => Int, { nullable: true }) rows!: number | null;
  @Field(() => String, { nullable: true, description: 'The tenant migration it was taken at.' }) migration!: string | null;
  @Field(() => String, { nullable: true, description: 'The engine it was taken from: postgresql or mysql.' }) engine!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it FAILED.' }) error!: string | null;
}

@ObjectType({ description: 'Scheduled backups of a tenant: an archive every `everyHours` (null: none), the newest `keep` of them kept.' })
export class BackupPolicy {
  @Field(() => Int, { nullable: true }) everyHours!: number | null;
  @Field(() => Int) keep!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next one is due.' }) nextAt!: Date | null;
}

@InputType({ description: 'A tenant’s own backup policy; a field left null takes the plan’s.' })
export class BackupPolicyInput {
  @Field(() => Int, { nullable: true, description: '1-8760 hours; 0 turns scheduled backups off for this tenant.' }) everyHours?: number | null;
  @Field(() => Int, { nullable: true, description: '1-1000 archives.' }) keep?: number | null;
}
