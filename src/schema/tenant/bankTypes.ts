import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../scalars';

@ObjectType()
export class BankAccount {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) bankName!: string;
  @Field(() => String) accountNumber!: string;
  @Field(() => String) currency!: string;
  @Field(() => String, { description: 'Code of the ledger account the bank account posts to.' }) ledgerCode!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType()
export class BankAccountInput {
  @Field(() => String) name!: string;
  @Field(() => String) bankName!: string;
  @Field(() => String) accountNumber!: string;
  @Field(() => String, { nullable: true, description: "Defaults to the tenant's currency." }) currency?: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the Bank account, "1200".' }) ledgerCode?: string;
}

@ObjectType()
export class BankStatementLine {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) date!: Date;
  @Field(() => DecimalScalar, { description: 'Money in positive, money out negative.' }) amount!: unknown;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => DateTimeScalar) importedAt!: Date;
  matchedPaymentId!: string | null;
}

@ObjectType()
export class BankStatementImport {
  @Field(() => Int, { description: 'New lines stored.' }) imported!: number;
  @Field(() => Int, { description: 'Lines already stored by an earlier import, skipped.' }) duplicates!: number;
  @Field(() => Int, { description: 'Lines matched to payments by this import (earlier unmatched lines included).' }) matched!: number;
  @Field(() => [BankStatementLine], { description: 'The new lines.' }) lines!: BankStatementLine[];
}
