// The books as GraphQL types. Relations (an entry's lines, a line's account) are
// field resolvers in the resolvers next to this file, through the request's loaders.
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AccountType } from '../enums';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { Customer } from './types';

@ObjectType({ description: 'An account of the chart. Codes are stable; names follow the tenant\'s locale.' })
export class Account {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => AccountType) type!: AccountType;
  @Field(() => ID, { nullable: true }) parentId!: string | null;
}

@ObjectType()
export class JournalLine {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) debit!: unknown;
  @Field(() => DecimalScalar) credit!: unknown;
  @Field(() => String, { nullable: true }) memo!: string | null;
  accountId!: string;
  customerId!: string | null;
}

@ObjectType()
export class JournalEntry {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Sequential number, in posting order.' }) number!: number;
  @Field(() => DateTimeScalar) date!: Date;
  @Field(() => String) description!: string;
  @Field(() => String, { description: '"manual", "opening", "invoice", "payment", "refund" (of an order) or "stock" (an adjustment).' }) sourceType!: string;
  @Field(() => ID, { nullable: true, description: 'The invoice, payment, order refund or stock movement that caused the entry.' }) sourceId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Set on an entry that reverses another one.' }) reversesId!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@InputType()
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
  @Field(() => Account) account!: Account;
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
  @Field(() => Account) account!: Account;
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
  @Field(() => Customer) customer!: Customer;
  @Field(() => DecimalScalar, { description: 'What the customer owes (negative: what the business owes them).' }) balance!: unknown;
  @Field(() => [LedgerEntry], { description: 'Oldest first.' }) entries!: LedgerEntry[];
}
