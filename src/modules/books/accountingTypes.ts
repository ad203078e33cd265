// The books' inputs and reports. Accounts, entries and lines are types of the tenant
// model (types.ts).
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { WritesModel } from '../../schema/personalInputs';
import { DateTimeScalar, DecimalScalar } from '../../schema/scalars';
import { Customer } from '../customers/types';
import { Account } from './types';

@InputType()
@WritesModel('JournalLine')
export class JournalLineInput {
  @Field(() => String, { description: 'Account code, e.g. "1100".' }) account!: string;
  @Field(() => DecimalScalar, { nullable: true }) debit?: string;
  @Field(() => DecimalScalar, { nullable: true }) credit?: string;
  @Field(() => ID, { nullable: true, description: 'The customer the line concerns (their ledger shows it).' }) customerId?: string;
  @Field(() => String, { nullable: true }) memo?: string;
}

@InputType()
export class JournalEntryInput {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now.' }) date?: Date;
  @Field(() => String) description!: string;
  @Field(() => [JournalLineInput]) lines!: JournalLineInput[];
}

@ObjectType()
export class TrialBalanceLine {
  @Field(() => Account) account!: unknown;
  @Field(() => DecimalScalar, { description: 'The balance, when it is a debit balance.' }) debit!: unknown;
  @Field(() => DecimalScalar, { description: 'The balance, when it is a credit balance.' }) credit!: unknown;
}

@ObjectType({ description: 'Every account with postings up to asOf; the two totals are always equal.' })
export class TrialBalance {
  @Field(() => DateTimeScalar) asOf!: Date;
  @Field(() => [TrialBalanceLine]) lines!: TrialBalanceLine[];
  @Field(() => DecimalScalar) totalDebit!: unknown;
  @Field(() => DecimalScalar) totalCredit!: unknown;
}

@ObjectType()
export class AccountBalance {
  @Field(() => Account) account!: unknown;
  @Field(() => DecimalScalar, { description: 'Sum of debits, sub-accounts included.' }) debits!: unknown;
  @Field(() => DecimalScalar, { description: 'Sum of credits, sub-accounts included.' }) credits!: unknown;
  @Field(() => DecimalScalar, { description: 'On the normal side: debits - credits for assets and expenses, credits - debits otherwise.' })
  balance!: unknown;
}

@ObjectType()
export class LedgerEntry {
  @Field(() => ID) lineId!: string;
  @Field(() => ID) entryId!: string;
  @Field(() => Int) entryNumber!: number;
  @Field(() => DateTimeScalar) date!: Date;
  @Field(() => String) description!: string;
  @Field(() => String) sourceType!: string;
  @Field(() => ID, { nullable: true }) sourceId!: string | null;
  @Field(() => String, { description: 'Receivable (1300) or payable (2100).' }) accountCode!: string;
  @Field(() => DecimalScalar) debit!: unknown;
  @Field(() => DecimalScalar) credit!: unknown;
  @Field(() => DecimalScalar, { description: 'Running balance after this line: positive when the customer owes the business.' }) balance!: unknown;
}

@ObjectType()
export class CustomerLedger {
  @Field(() => Customer) customer!: unknown;
  @Field(() => DecimalScalar, { description: 'What the customer owes (negative: what the business owes them).' }) balance!: unknown;
  @Field(() => [LedgerEntry], { description: 'Oldest first.' }) entries!: LedgerEntry[];
}
