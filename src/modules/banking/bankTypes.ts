import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { BankStatementLine } from './types';

@InputType()
export class BankAccountInput {
  @Field(() => String) name!: string;
  @Field(() => String) bankName!: string;
  @Field(() => String) accountNumber!: string;
  @Field(() => String, { nullable: true, description: "Defaults to the tenant's currency." }) currency?: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the Bank account, "1200".' }) ledgerCode?: string;
}

@ObjectType()
export class BankStatementImport {
  @Field(() => Int, { description: 'New lines stored.' }) imported!: number;
  @Field(() => Int, { description: 'Lines already stored by an earlier import, skipped.' }) duplicates!: number;
  @Field(() => Int, { description: 'Lines matched to payments by this import (earlier unmatched lines included).' }) matched!: number;
  @Field(() => [BankStatementLine], { description: 'The new lines.' }) lines!: unknown[];
}
