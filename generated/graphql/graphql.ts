/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on the related Account rows. */
export type AccountListWhere = {
  /** No related row matches. */
  none?: AccountWhere | null | undefined;
  /** At least one related row matches. */
  some?: AccountWhere | null | undefined;
};

export type AccountType =
  | 'ASSET'
  | 'EQUITY'
  | 'EXPENSE'
  | 'LIABILITY'
  | 'REVENUE';

/** Conditions on a AccountType column. */
export type AccountTypeFilter = {
  eq?: AccountType | null | undefined;
  in?: Array<AccountType> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: AccountType | null | undefined;
  notIn?: Array<AccountType> | null | undefined;
};

/** Which Account rows: every condition given must hold. */
export type AccountWhere = {
  /** Every one of these matches. */
  and?: Array<AccountWhere> | null | undefined;
  children?: AccountListWhere | null | undefined;
  code?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  journalLines?: JournalLineListWhere | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: AccountWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<AccountWhere> | null | undefined;
  /** The related row exists and matches. */
  parent?: AccountWhere | null | undefined;
  parentId?: IdFilter | null | undefined;
  type?: AccountTypeFilter | null | undefined;
};

/** Which BankAccount rows: every condition given must hold. */
export type BankAccountWhere = {
  accountNumber?: StringFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<BankAccountWhere> | null | undefined;
  bankName?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  currency?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  ledgerCode?: StringFilter | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: BankAccountWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<BankAccountWhere> | null | undefined;
  statementLines?: BankStatementLineListWhere | null | undefined;
};

/** Conditions on the related BankStatementLine rows. */
export type BankStatementLineListWhere = {
  /** No related row matches. */
  none?: BankStatementLineWhere | null | undefined;
  /** At least one related row matches. */
  some?: BankStatementLineWhere | null | undefined;
};

/** Which BankStatementLine rows: every condition given must hold. */
export type BankStatementLineWhere = {
  amount?: DecimalFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<BankStatementLineWhere> | null | undefined;
  /** The related row exists and matches. */
  bankAccount?: BankAccountWhere | null | undefined;
  bankAccountId?: IdFilter | null | undefined;
  date?: DateFilter | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  importedAt?: DateTimeFilter | null | undefined;
  /** The related row exists and matches. */
  matchedPayment?: PaymentWhere | null | undefined;
  matchedPaymentId?: IdFilter | null | undefined;
  /** This does not match. */
  not?: BankStatementLineWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<BankStatementLineWhere> | null | undefined;
  reference?: StringFilter | null | undefined;
};

/** Conditions on the related BomComponent rows. */
export type BomComponentListWhere = {
  /** No related row matches. */
  none?: BomComponentWhere | null | undefined;
  /** At least one related row matches. */
  some?: BomComponentWhere | null | undefined;
};

/** Which BomComponent rows: every condition given must hold. */
export type BomComponentWhere = {
  /** Every one of these matches. */
  and?: Array<BomComponentWhere> | null | undefined;
  /** The related row exists and matches. */
  component?: ProductWhere | null | undefined;
  componentId?: IdFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: BomComponentWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<BomComponentWhere> | null | undefined;
  /** The related row exists and matches. */
  product?: ProductWhere | null | undefined;
  productId?: IdFilter | null | undefined;
  quantity?: DecimalFilter | null | undefined;
};

/** Conditions on the related Booking rows. */
export type BookingListWhere = {
  /** No related row matches. */
  none?: BookingWhere | null | undefined;
  /** At least one related row matches. */
  some?: BookingWhere | null | undefined;
};

/** HELD -> CONFIRMED -> COMPLETED or NO_SHOW; CANCELLED frees the place (and gives the credits back before the cut-off). */
export type BookingStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'HELD'
  | 'NO_SHOW';

/** Conditions on a BookingStatus column. */
export type BookingStatusFilter = {
  eq?: BookingStatus | null | undefined;
  in?: Array<BookingStatus> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: BookingStatus | null | undefined;
  notIn?: Array<BookingStatus> | null | undefined;
};

/** Which Booking rows: every condition given must hold. */
export type BookingWhere = {
  /** Every one of these matches. */
  and?: Array<BookingWhere> | null | undefined;
  cancelReason?: StringFilter | null | undefined;
  cancelledAt?: DateTimeFilter | null | undefined;
  /** The related row exists and matches. */
  classSession?: ClassSessionWhere | null | undefined;
  classSessionId?: IdFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  credits?: CreditTransactionListWhere | null | undefined;
  creditsUsed?: IntFilter | null | undefined;
  /** The related row exists and matches. */
  customer?: CustomerWhere | null | undefined;
  customerId?: IdFilter | null | undefined;
  endsAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  /** This does not match. */
  not?: BookingWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<BookingWhere> | null | undefined;
  price?: DecimalFilter | null | undefined;
  /** The related row exists and matches. */
  provider?: ProviderWhere | null | undefined;
  providerId?: IdFilter | null | undefined;
  reminderSentAt?: DateTimeFilter | null | undefined;
  /** The related row exists and matches. */
  service?: ServiceWhere | null | undefined;
  serviceId?: IdFilter | null | undefined;
  startsAt?: DateTimeFilter | null | undefined;
  status?: BookingStatusFilter | null | undefined;
};

/** Conditions on a Boolean column. */
export type BooleanFilter = {
  eq?: boolean | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: boolean | null | undefined;
};

/** Conditions on the related Category rows. */
export type CategoryListWhere = {
  /** No related row matches. */
  none?: CategoryWhere | null | undefined;
  /** At least one related row matches. */
  some?: CategoryWhere | null | undefined;
};

/** Which Category rows: every condition given must hold. */
export type CategoryWhere = {
  /** Every one of these matches. */
  and?: Array<CategoryWhere> | null | undefined;
  children?: CategoryListWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: CategoryWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<CategoryWhere> | null | undefined;
  /** The related row exists and matches. */
  parent?: CategoryWhere | null | undefined;
  parentId?: IdFilter | null | undefined;
  products?: ProductListWhere | null | undefined;
};

/** Conditions on the related ClassSession rows. */
export type ClassSessionListWhere = {
  /** No related row matches. */
  none?: ClassSessionWhere | null | undefined;
  /** At least one related row matches. */
  some?: ClassSessionWhere | null | undefined;
};

/** Which ClassSession rows: every condition given must hold. */
export type ClassSessionWhere = {
  /** Every one of these matches. */
  and?: Array<ClassSessionWhere> | null | undefined;
  booked?: IntFilter | null | undefined;
  bookings?: BookingListWhere | null | undefined;
  capacity?: IntFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  endsAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: ClassSessionWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ClassSessionWhere> | null | undefined;
  /** The related row exists and matches. */
  provider?: ProviderWhere | null | undefined;
  providerId?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  service?: ServiceWhere | null | undefined;
  serviceId?: IdFilter | null | undefined;
  startsAt?: DateTimeFilter | null | undefined;
};

/** Why a customer's credits moved. */
export type CreditReason =
  /** A change made by hand. */
  | 'ADJUSTMENT'
  /** A booking paid with credits. */
  | 'BOOKING'
  /** A credit pack sold to the customer. */
  | 'PACK_SOLD'
  /** A cancelled booking's credits given back. */
  | 'REFUND';

/** Conditions on a CreditReason column. */
export type CreditReasonFilter = {
  eq?: CreditReason | null | undefined;
  in?: Array<CreditReason> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: CreditReason | null | undefined;
  notIn?: Array<CreditReason> | null | undefined;
};

/** Conditions on the related CreditTransaction rows. */
export type CreditTransactionListWhere = {
  /** No related row matches. */
  none?: CreditTransactionWhere | null | undefined;
  /** At least one related row matches. */
  some?: CreditTransactionWhere | null | undefined;
};

/** Which CreditTransaction rows: every condition given must hold. */
export type CreditTransactionWhere = {
  /** Every one of these matches. */
  and?: Array<CreditTransactionWhere> | null | undefined;
  /** The related row exists and matches. */
  booking?: BookingWhere | null | undefined;
  bookingId?: IdFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  /** The related row exists and matches. */
  customer?: CustomerWhere | null | undefined;
  customerId?: IdFilter | null | undefined;
  delta?: IntFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  /** This does not match. */
  not?: CreditTransactionWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<CreditTransactionWhere> | null | undefined;
  reason?: CreditReasonFilter | null | undefined;
};

export type CustomerInput = {
  address?: string | null | undefined;
  email?: string | null | undefined;
  name: string;
  nationalId?: string | null | undefined;
  notes?: string | null | undefined;
  phone?: string | null | undefined;
};

/** Which Customer rows: every condition given must hold. */
export type CustomerWhere = {
  address?: StringFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<CustomerWhere> | null | undefined;
  bookings?: BookingListWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  creditTransactions?: CreditTransactionListWhere | null | undefined;
  email?: StringFilter | null | undefined;
  erasedAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  invoices?: InvoiceListWhere | null | undefined;
  journalLines?: JournalLineListWhere | null | undefined;
  name?: StringFilter | null | undefined;
  nationalId?: StringFilter | null | undefined;
  /** This does not match. */
  not?: CustomerWhere | null | undefined;
  notes?: StringFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<CustomerWhere> | null | undefined;
  orders?: OrderListWhere | null | undefined;
  phone?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on a Date column. */
export type DateFilter = {
  eq?: unknown;
  gt?: unknown;
  gte?: unknown;
  in?: Array<unknown> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  lt?: unknown;
  lte?: unknown;
  ne?: unknown;
  notIn?: Array<unknown> | null | undefined;
};

/** Conditions on a DateTime column. */
export type DateTimeFilter = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Conditions on a Decimal column. */
export type DecimalFilter = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Which Discount rows: every condition given must hold. */
export type DiscountWhere = {
  amountOff?: DecimalFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<DiscountWhere> | null | undefined;
  code?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  disabledAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  maxRedemptions?: IntFilter | null | undefined;
  /** This does not match. */
  not?: DiscountWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<DiscountWhere> | null | undefined;
  orders?: OrderListWhere | null | undefined;
  percentOff?: DecimalFilter | null | undefined;
  redemptions?: IntFilter | null | undefined;
  validFrom?: DateTimeFilter | null | undefined;
  validTo?: DateTimeFilter | null | undefined;
};

/** Conditions on an ID column. */
export type IdFilter = {
  eq?: string | number | null | undefined;
  in?: Array<string | number> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: string | number | null | undefined;
  notIn?: Array<string | number> | null | undefined;
};

/** Conditions on a Int column. */
export type IntFilter = {
  eq?: number | null | undefined;
  gt?: number | null | undefined;
  gte?: number | null | undefined;
  in?: Array<number> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  lt?: number | null | undefined;
  lte?: number | null | undefined;
  ne?: number | null | undefined;
  notIn?: Array<number> | null | undefined;
};

export type InvoiceFilter = {
  customerId?: string | number | null | undefined;
  kind?: InvoiceKind | null | undefined;
  status?: InvoiceStatus | null | undefined;
};

export type InvoiceInput = {
  customerId?: string | number | null | undefined;
  dueDate?: string | null | undefined;
  issueDate?: string | null | undefined;
  items: Array<InvoiceItemInput>;
  kind: InvoiceKind;
  notes?: string | null | undefined;
};

export type InvoiceItemInput = {
  /** Defaults to the product's name. */
  description?: string | null | undefined;
  productId?: string | number | null | undefined;
  quantity: string;
  /** Defaults to the tenant's rate for sales, 0 otherwise. */
  taxRate?: string | null | undefined;
  /** TRADE invoices: an item the customer hands in. */
  tradeIn?: boolean | null | undefined;
  /** Defaults to the product's price. */
  unitPrice?: string | null | undefined;
};

/** Conditions on the related InvoiceItem rows. */
export type InvoiceItemListWhere = {
  /** No related row matches. */
  none?: InvoiceItemWhere | null | undefined;
  /** At least one related row matches. */
  some?: InvoiceItemWhere | null | undefined;
};

/** Which InvoiceItem rows: every condition given must hold. */
export type InvoiceItemWhere = {
  /** Every one of these matches. */
  and?: Array<InvoiceItemWhere> | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  lineTotal?: DecimalFilter | null | undefined;
  /** This does not match. */
  not?: InvoiceItemWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<InvoiceItemWhere> | null | undefined;
  position?: IntFilter | null | undefined;
  /** The related row exists and matches. */
  product?: ProductWhere | null | undefined;
  productId?: IdFilter | null | undefined;
  quantity?: DecimalFilter | null | undefined;
  taxAmount?: DecimalFilter | null | undefined;
  taxRate?: DecimalFilter | null | undefined;
  tradeIn?: BooleanFilter | null | undefined;
  unitPrice?: DecimalFilter | null | undefined;
};

/** TRADE: a sale against which the customer trades items in (old gold). */
export type InvoiceKind =
  | 'PURCHASE'
  | 'SALE'
  | 'TRADE';

/** Conditions on a InvoiceKind column. */
export type InvoiceKindFilter = {
  eq?: InvoiceKind | null | undefined;
  in?: Array<InvoiceKind> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: InvoiceKind | null | undefined;
  notIn?: Array<InvoiceKind> | null | undefined;
};

/** Conditions on the related Invoice rows. */
export type InvoiceListWhere = {
  /** No related row matches. */
  none?: InvoiceWhere | null | undefined;
  /** At least one related row matches. */
  some?: InvoiceWhere | null | undefined;
};

export type InvoiceStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'VOID';

/** Conditions on a InvoiceStatus column. */
export type InvoiceStatusFilter = {
  eq?: InvoiceStatus | null | undefined;
  in?: Array<InvoiceStatus> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: InvoiceStatus | null | undefined;
  notIn?: Array<InvoiceStatus> | null | undefined;
};

/** Which Invoice rows: every condition given must hold. */
export type InvoiceWhere = {
  amountPaid?: DecimalFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<InvoiceWhere> | null | undefined;
  /** The related row exists and matches. */
  booking?: BookingWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  creditTransactions?: CreditTransactionListWhere | null | undefined;
  currency?: StringFilter | null | undefined;
  /** The related row exists and matches. */
  customer?: CustomerWhere | null | undefined;
  customerId?: IdFilter | null | undefined;
  dueDate?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  issueDate?: DateTimeFilter | null | undefined;
  issuedAt?: DateTimeFilter | null | undefined;
  items?: InvoiceItemListWhere | null | undefined;
  kind?: InvoiceKindFilter | null | undefined;
  movements?: StockMovementListWhere | null | undefined;
  /** This does not match. */
  not?: InvoiceWhere | null | undefined;
  notes?: StringFilter | null | undefined;
  number?: StringFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<InvoiceWhere> | null | undefined;
  /** The related row exists and matches. */
  order?: OrderWhere | null | undefined;
  payments?: PaymentListWhere | null | undefined;
  status?: InvoiceStatusFilter | null | undefined;
  subtotal?: DecimalFilter | null | undefined;
  taxTotal?: DecimalFilter | null | undefined;
  total?: DecimalFilter | null | undefined;
  tradeInTotal?: DecimalFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  voidedAt?: DateTimeFilter | null | undefined;
};

/** DATABASE: its own database. SCHEMA: its own schema in a shared database. POOL (PostgreSQL only): its rows in shared tables under row-level security. */
export type Isolation =
  | 'DATABASE'
  | 'POOL'
  | 'SCHEMA';

/** Which JournalEntry rows: every condition given must hold. */
export type JournalEntryWhere = {
  /** Every one of these matches. */
  and?: Array<JournalEntryWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  date?: DateTimeFilter | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  lines?: JournalLineListWhere | null | undefined;
  /** This does not match. */
  not?: JournalEntryWhere | null | undefined;
  number?: IntFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<JournalEntryWhere> | null | undefined;
  /** The related row exists and matches. */
  reversedBy?: JournalEntryWhere | null | undefined;
  /** The related row exists and matches. */
  reverses?: JournalEntryWhere | null | undefined;
  reversesId?: IdFilter | null | undefined;
  sourceId?: IdFilter | null | undefined;
  sourceType?: StringFilter | null | undefined;
};

/** Conditions on the related JournalLine rows. */
export type JournalLineListWhere = {
  /** No related row matches. */
  none?: JournalLineWhere | null | undefined;
  /** At least one related row matches. */
  some?: JournalLineWhere | null | undefined;
};

/** Which JournalLine rows: every condition given must hold. */
export type JournalLineWhere = {
  /** The related row exists and matches. */
  account?: AccountWhere | null | undefined;
  accountId?: IdFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<JournalLineWhere> | null | undefined;
  credit?: DecimalFilter | null | undefined;
  /** The related row exists and matches. */
  customer?: CustomerWhere | null | undefined;
  customerId?: IdFilter | null | undefined;
  debit?: DecimalFilter | null | undefined;
  /** The related row exists and matches. */
  entry?: JournalEntryWhere | null | undefined;
  entryId?: IdFilter | null | undefined;
  id?: IdFilter | null | undefined;
  memo?: StringFilter | null | undefined;
  /** This does not match. */
  not?: JournalLineWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<JournalLineWhere> | null | undefined;
};

/** VIEWER reads; MEMBER also writes; ADMIN and OWNER manage the tenant. */
export type MemberRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER'
  | 'VIEWER';

/** Conditions on the related OrderItem rows. */
export type OrderItemListWhere = {
  /** No related row matches. */
  none?: OrderItemWhere | null | undefined;
  /** At least one related row matches. */
  some?: OrderItemWhere | null | undefined;
};

/** Which OrderItem rows: every condition given must hold. */
export type OrderItemWhere = {
  /** Every one of these matches. */
  and?: Array<OrderItemWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  lineTotal?: DecimalFilter | null | undefined;
  /** This does not match. */
  not?: OrderItemWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<OrderItemWhere> | null | undefined;
  /** The related row exists and matches. */
  order?: OrderWhere | null | undefined;
  orderId?: IdFilter | null | undefined;
  position?: IntFilter | null | undefined;
  /** The related row exists and matches. */
  product?: ProductWhere | null | undefined;
  productId?: IdFilter | null | undefined;
  quantity?: DecimalFilter | null | undefined;
  unitPrice?: DecimalFilter | null | undefined;
};

/** Conditions on the related Order rows. */
export type OrderListWhere = {
  /** No related row matches. */
  none?: OrderWhere | null | undefined;
  /** At least one related row matches. */
  some?: OrderWhere | null | undefined;
};

/** Conditions on the related OrderRefund rows. */
export type OrderRefundListWhere = {
  /** No related row matches. */
  none?: OrderRefundWhere | null | undefined;
  /** At least one related row matches. */
  some?: OrderRefundWhere | null | undefined;
};

/** Which OrderRefund rows: every condition given must hold. */
export type OrderRefundWhere = {
  amount?: DecimalFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<OrderRefundWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: OrderRefundWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<OrderRefundWhere> | null | undefined;
  /** The related row exists and matches. */
  order?: OrderWhere | null | undefined;
  orderId?: IdFilter | null | undefined;
  reason?: StringFilter | null | undefined;
};

/** PENDING -> PAID -> FULFILLED; PARTIALLY_REFUNDED or REFUNDED once money is given back; CANCELLED before fulfilment. */
export type OrderStatus =
  | 'CANCELLED'
  | 'FULFILLED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED';

/** Conditions on a OrderStatus column. */
export type OrderStatusFilter = {
  eq?: OrderStatus | null | undefined;
  in?: Array<OrderStatus> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: OrderStatus | null | undefined;
  notIn?: Array<OrderStatus> | null | undefined;
};

/** Which Order rows: every condition given must hold. */
export type OrderWhere = {
  /** Every one of these matches. */
  and?: Array<OrderWhere> | null | undefined;
  billingAddress?: StringFilter | null | undefined;
  cancelledAt?: DateTimeFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  currency?: StringFilter | null | undefined;
  /** The related row exists and matches. */
  customer?: CustomerWhere | null | undefined;
  customerId?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  discount?: DiscountWhere | null | undefined;
  discountId?: IdFilter | null | undefined;
  discountTotal?: DecimalFilter | null | undefined;
  fulfilledAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  items?: OrderItemListWhere | null | undefined;
  /** This does not match. */
  not?: OrderWhere | null | undefined;
  notes?: StringFilter | null | undefined;
  number?: StringFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<OrderWhere> | null | undefined;
  paidAt?: DateTimeFilter | null | undefined;
  paymentMethod?: PaymentMethodFilter | null | undefined;
  refundedAmount?: DecimalFilter | null | undefined;
  refunds?: OrderRefundListWhere | null | undefined;
  shippingAddress?: StringFilter | null | undefined;
  status?: OrderStatusFilter | null | undefined;
  subtotal?: DecimalFilter | null | undefined;
  taxRate?: DecimalFilter | null | undefined;
  taxTotal?: DecimalFilter | null | undefined;
  total?: DecimalFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Conditions on the related Payment rows. */
export type PaymentListWhere = {
  /** No related row matches. */
  none?: PaymentWhere | null | undefined;
  /** At least one related row matches. */
  some?: PaymentWhere | null | undefined;
};

/** CASH posts to the till; the others to the bank. */
export type PaymentMethod =
  | 'BANK_TRANSFER'
  | 'CARD'
  | 'CASH'
  | 'CHEQUE';

/** Conditions on a PaymentMethod column. */
export type PaymentMethodFilter = {
  eq?: PaymentMethod | null | undefined;
  in?: Array<PaymentMethod> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: PaymentMethod | null | undefined;
  notIn?: Array<PaymentMethod> | null | undefined;
};

/** Which Payment rows: every condition given must hold. */
export type PaymentWhere = {
  amount?: DecimalFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<PaymentWhere> | null | undefined;
  /** The related row exists and matches. */
  bankStatementLine?: BankStatementLineWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  method?: PaymentMethodFilter | null | undefined;
  /** This does not match. */
  not?: PaymentWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<PaymentWhere> | null | undefined;
  paidAt?: DateTimeFilter | null | undefined;
  reference?: StringFilter | null | undefined;
};

export type ProductFilter = {
  categoryId?: string | number | null | undefined;
  kind?: ProductKind | null | undefined;
  /** Matches name or SKU, ignoring case. */
  search?: string | null | undefined;
  /** Products with this tag (compared lowercased and trimmed, as tags are kept). */
  tag?: string | null | undefined;
};

export type ProductInput = {
  attributes?: Record<string, unknown> | null | undefined;
  categoryId?: string | number | null | undefined;
  cost?: string | null | undefined;
  /** Defaults to the tenant's currency. */
  currency?: string | null | undefined;
  description?: string | null | undefined;
  /** http or https, at most 10; an update replaces them all. */
  imageUrls?: Array<string> | null | undefined;
  kind: ProductKind;
  name: string;
  price: string;
  sku: string;
  /** Trimmed, lowercased, duplicates dropped; at most 20 of 40 characters; an update replaces them all. */
  tags?: Array<string> | null | undefined;
  /** Whether its stock is counted. When true, issued invoices move its stock (a sale also posts its cost of goods sold), and a sale or an order needs it on hand unless the stockAllowNegative setting is on. When false (a service, say), it is sold without limit and moves no stock. Defaults to true, and to false for a SERVICE. */
  trackStock?: boolean | null | undefined;
  /** One per locale; an update replaces them all. */
  translations?: Array<ProductTranslationInput> | null | undefined;
  unit?: string | null | undefined;
};

export type ProductKind =
  | 'COIN'
  | 'GOLD'
  | 'GOODS'
  | 'JEWELRY'
  | 'SERVICE'
  | 'STONE';

/** Conditions on a ProductKind column. */
export type ProductKindFilter = {
  eq?: ProductKind | null | undefined;
  in?: Array<ProductKind> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: ProductKind | null | undefined;
  notIn?: Array<ProductKind> | null | undefined;
};

/** Conditions on the related Product rows. */
export type ProductListWhere = {
  /** No related row matches. */
  none?: ProductWhere | null | undefined;
  /** At least one related row matches. */
  some?: ProductWhere | null | undefined;
};

/** Sorts Product lists; ties are always broken by id. */
export type ProductOrderBy =
  | 'CATEGORY_ID_ASC'
  | 'CATEGORY_ID_DESC'
  | 'COST_ASC'
  | 'COST_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'CURRENCY_ASC'
  | 'CURRENCY_DESC'
  | 'DESCRIPTION_ASC'
  | 'DESCRIPTION_DESC'
  | 'ID_ASC'
  | 'ID_DESC'
  | 'KIND_ASC'
  | 'KIND_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RESERVED_ASC'
  | 'RESERVED_DESC'
  | 'SKU_ASC'
  | 'SKU_DESC'
  | 'STOCK_ASC'
  | 'STOCK_DESC'
  | 'TRACK_STOCK_ASC'
  | 'TRACK_STOCK_DESC'
  | 'UNIT_ASC'
  | 'UNIT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

export type ProductTranslationInput = {
  description?: string | null | undefined;
  /** BCP 47 language tag, e.g. "fr" or "fr-CA"; not the tenant's own locale. */
  locale: string;
  name: string;
};

export type ProductUpdateInput = {
  attributes?: Record<string, unknown> | null | undefined;
  categoryId?: string | number | null | undefined;
  cost?: string | null | undefined;
  description?: string | null | undefined;
  /** http or https, at most 10; an update replaces them all. */
  imageUrls?: Array<string> | null | undefined;
  kind?: ProductKind | null | undefined;
  name?: string | null | undefined;
  price?: string | null | undefined;
  sku?: string | null | undefined;
  /** Trimmed, lowercased, duplicates dropped; at most 20 of 40 characters; an update replaces them all. */
  tags?: Array<string> | null | undefined;
  /** Whether its stock is counted. When true, issued invoices move its stock (a sale also posts its cost of goods sold), and a sale or an order needs it on hand unless the stockAllowNegative setting is on. When false (a service, say), it is sold without limit and moves no stock. */
  trackStock?: boolean | null | undefined;
  /** One per locale; an update replaces them all. */
  translations?: Array<ProductTranslationInput> | null | undefined;
  unit?: string | null | undefined;
};

/** Which Product rows: every condition given must hold. */
export type ProductWhere = {
  /** Every one of these matches. */
  and?: Array<ProductWhere> | null | undefined;
  /** The related row exists and matches. */
  category?: CategoryWhere | null | undefined;
  categoryId?: IdFilter | null | undefined;
  components?: BomComponentListWhere | null | undefined;
  cost?: DecimalFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  currency?: StringFilter | null | undefined;
  description?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  imageUrls?: StringListFilter | null | undefined;
  invoiceItems?: InvoiceItemListWhere | null | undefined;
  kind?: ProductKindFilter | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: ProductWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ProductWhere> | null | undefined;
  orderItems?: OrderItemListWhere | null | undefined;
  price?: DecimalFilter | null | undefined;
  reserved?: DecimalFilter | null | undefined;
  sku?: StringFilter | null | undefined;
  stock?: DecimalFilter | null | undefined;
  stockMovements?: StockMovementListWhere | null | undefined;
  tags?: StringListFilter | null | undefined;
  trackStock?: BooleanFilter | null | undefined;
  unit?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  usedIn?: BomComponentListWhere | null | undefined;
};

/** Conditions on the related ProviderAvailability rows. */
export type ProviderAvailabilityListWhere = {
  /** No related row matches. */
  none?: ProviderAvailabilityWhere | null | undefined;
  /** At least one related row matches. */
  some?: ProviderAvailabilityWhere | null | undefined;
};

/** Which ProviderAvailability rows: every condition given must hold. */
export type ProviderAvailabilityWhere = {
  /** Every one of these matches. */
  and?: Array<ProviderAvailabilityWhere> | null | undefined;
  from?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: ProviderAvailabilityWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ProviderAvailabilityWhere> | null | undefined;
  /** The related row exists and matches. */
  provider?: ProviderWhere | null | undefined;
  providerId?: IdFilter | null | undefined;
  to?: StringFilter | null | undefined;
  weekday?: IntFilter | null | undefined;
};

/** Conditions on the related ProviderService rows. */
export type ProviderServiceListWhere = {
  /** No related row matches. */
  none?: ProviderServiceWhere | null | undefined;
  /** At least one related row matches. */
  some?: ProviderServiceWhere | null | undefined;
};

/** Which ProviderService rows: every condition given must hold. */
export type ProviderServiceWhere = {
  /** Every one of these matches. */
  and?: Array<ProviderServiceWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: ProviderServiceWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ProviderServiceWhere> | null | undefined;
  /** The related row exists and matches. */
  provider?: ProviderWhere | null | undefined;
  providerId?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  service?: ServiceWhere | null | undefined;
  serviceId?: IdFilter | null | undefined;
};

/** Conditions on the related ProviderTimeOff rows. */
export type ProviderTimeOffListWhere = {
  /** No related row matches. */
  none?: ProviderTimeOffWhere | null | undefined;
  /** At least one related row matches. */
  some?: ProviderTimeOffWhere | null | undefined;
};

/** Which ProviderTimeOff rows: every condition given must hold. */
export type ProviderTimeOffWhere = {
  /** Every one of these matches. */
  and?: Array<ProviderTimeOffWhere> | null | undefined;
  endsAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** This does not match. */
  not?: ProviderTimeOffWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ProviderTimeOffWhere> | null | undefined;
  /** The related row exists and matches. */
  provider?: ProviderWhere | null | undefined;
  providerId?: IdFilter | null | undefined;
  reason?: StringFilter | null | undefined;
  startsAt?: DateTimeFilter | null | undefined;
};

/** Which Provider rows: every condition given must hold. */
export type ProviderWhere = {
  /** Every one of these matches. */
  and?: Array<ProviderWhere> | null | undefined;
  availability?: ProviderAvailabilityListWhere | null | undefined;
  bookings?: BookingListWhere | null | undefined;
  classSessions?: ClassSessionListWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  email?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: ProviderWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ProviderWhere> | null | undefined;
  services?: ProviderServiceListWhere | null | undefined;
  timeOff?: ProviderTimeOffListWhere | null | undefined;
};

/** Days or months in the tenant's time zone. */
export type SalesGrouping =
  | 'DAY'
  | 'MONTH';

/** Which Service rows: every condition given must hold. */
export type ServiceWhere = {
  active?: BooleanFilter | null | undefined;
  /** Every one of these matches. */
  and?: Array<ServiceWhere> | null | undefined;
  bookings?: BookingListWhere | null | undefined;
  capacity?: IntFilter | null | undefined;
  classSessions?: ClassSessionListWhere | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  creditCost?: IntFilter | null | undefined;
  description?: StringFilter | null | undefined;
  durationMinutes?: IntFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  /** This does not match. */
  not?: ServiceWhere | null | undefined;
  /** At least one of these matches. */
  or?: Array<ServiceWhere> | null | undefined;
  price?: DecimalFilter | null | undefined;
  providers?: ProviderServiceListWhere | null | undefined;
};

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
};

/** Conditions on the related StockMovement rows. */
export type StockMovementListWhere = {
  /** No related row matches. */
  none?: StockMovementWhere | null | undefined;
  /** At least one related row matches. */
  some?: StockMovementWhere | null | undefined;
};

export type StockMovementType =
  | 'ADJUSTMENT'
  | 'ASSEMBLY_IN'
  | 'ASSEMBLY_OUT'
  | 'PURCHASE'
  | 'REVERSAL'
  | 'SALE'
  | 'TRADE_IN';

/** Conditions on a StockMovementType column. */
export type StockMovementTypeFilter = {
  eq?: StockMovementType | null | undefined;
  in?: Array<StockMovementType> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  ne?: StockMovementType | null | undefined;
  notIn?: Array<StockMovementType> | null | undefined;
};

/** Which StockMovement rows: every condition given must hold. */
export type StockMovementWhere = {
  /** Every one of these matches. */
  and?: Array<StockMovementWhere> | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  id?: IdFilter | null | undefined;
  /** The related row exists and matches. */
  invoice?: InvoiceWhere | null | undefined;
  invoiceId?: IdFilter | null | undefined;
  /** This does not match. */
  not?: StockMovementWhere | null | undefined;
  note?: StringFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<StockMovementWhere> | null | undefined;
  /** The related row exists and matches. */
  product?: ProductWhere | null | undefined;
  productId?: IdFilter | null | undefined;
  quantity?: DecimalFilter | null | undefined;
  type?: StockMovementTypeFilter | null | undefined;
};

/** Conditions on a String column. */
export type StringFilter = {
  /** Holds this text, ignoring case. */
  contains?: string | null | undefined;
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one. */
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
  /** Begins with this text, ignoring case. */
  startsWith?: string | null | undefined;
};

/** Conditions on a list of strings (kept as a JSON array). */
export type StringListFilter = {
  /** The list holds this string. */
  has?: string | null | undefined;
};

export type TenantStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'FAILED'
  | 'PROVISIONING'
  | 'SUSPENDED';

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string, user: { id: string, email: string, name: string } } };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
  tenant?: string | null | undefined;
}>;


export type SignInMutation = { login: { token: string, user: { id: string, email: string, isPlatformAdmin: boolean } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { email: string, name: string, memberships: Array<{ role: MemberRole, tenant: { slug: string, name: string, status: TenantStatus } }> } | null };

export type ProductsPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  orderBy?: Array<ProductOrderBy> | ProductOrderBy | null | undefined;
  where?: ProductWhere | null | undefined;
  filter?: ProductFilter | null | undefined;
}>;


export type ProductsPageQuery = { products: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, kind: ProductKind, price: string, stock: string, unit: string, category: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StockByKindQueryVariables = Exact<{ [key: string]: never; }>;


export type StockByKindQuery = { products: { groupedAggregates: Array<{ keys: Array<string | null>, count: number, sum: { stock: string | null }, avg: { price: string | null } }> } };

export type ProductByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductByIdQuery = { product: { id: string, sku: string, name: string, description: string | null, kind: ProductKind, price: string, cost: string, stock: string, attributes: Record<string, unknown> } };

export type CreateProductMutationVariables = Exact<{
  input: ProductInput;
}>;


export type CreateProductMutation = { createProduct: { id: string, sku: string, name: string, price: string } };

export type UpdateProductMutationVariables = Exact<{
  id: string | number;
  input: ProductUpdateInput;
}>;


export type UpdateProductMutation = { updateProduct: { id: string, sku: string, name: string, price: string } };

export type DeleteProductMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteProductMutation = { deleteProduct: boolean };

export type CustomersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CustomersPageQuery = { customers: { totalCount: number, edges: Array<{ node: { id: string, name: string, phone: string | null, email: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateCustomerMutationVariables = Exact<{
  input: CustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { id: string, name: string } };

export type InvoicesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: InvoiceFilter | null | undefined;
}>;


export type InvoicesPageQuery = { invoices: { totalCount: number, edges: Array<{ node: { id: string, number: string, kind: InvoiceKind, status: InvoiceStatus, total: string, issueDate: string, customer: { name: string } | null, items: { nodes: Array<{ description: string, quantity: string, unitPrice: string, lineTotal: string, product: { sku: string, category: { name: string } | null } | null }> }, payments: { nodes: Array<{ amount: string, method: PaymentMethod }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CustomerBalanceQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerBalanceQuery = { customer: { name: string, invoices: { totalCount: number, aggregates: { sum: { total: string | null, amountPaid: string | null } }, nodes: Array<{ number: string, total: string, amountPaid: string, dueDate: string | null }> } } };

export type CreateInvoiceMutationVariables = Exact<{
  input: InvoiceInput;
}>;


export type CreateInvoiceMutation = { createInvoice: { id: string, number: string, total: string, status: InvoiceStatus } };

export type SalesSummaryQueryVariables = Exact<{
  from: string;
  to: string;
  groupBy?: SalesGrouping | null | undefined;
}>;


export type SalesSummaryQuery = { salesReport: { count: number, revenue: string, average: string, periods: Array<{ period: string, count: number, revenue: string, average: string }> }, topProducts: Array<{ revenue: string, units: string, invoices: number, product: { sku: string, name: string } | null }> };

export type MyTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTenantsQuery = { tenants: { totalCount: number, nodes: Array<{ slug: string, name: string, status: TenantStatus, isolation: Isolation, plan: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansQuery = { plans: Array<{ code: string, name: string, monthlyPrice: string, annualPrice: string, maxProducts: number | null, trialDays: number }> };

export type AuthSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type AuthSignUpMutation = { signUp: { token: string, user: { email: string, name: string, isPlatformAdmin: boolean, memberships: Array<{ role: MemberRole }> } } };

export type AuthLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type AuthLoginMutation = { login: { token: string, user: { email: string } } };

export type AuthMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthMeQuery = { me: { email: string } | null };

export type AuthTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthTenantsQuery = { tenants: { nodes: Array<{ slug: string, status: TenantStatus, plan: { code: string } }> } };

export type AuthTenantQueryVariables = Exact<{
  slug: string;
}>;


export type AuthTenantQuery = { tenant: { name: string } };

export type AuthMembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthMembershipsQuery = { me: { memberships: Array<{ role: MemberRole, tenant: { slug: string } }> } | null };

export type BadInputProductCountQueryVariables = Exact<{ [key: string]: never; }>;


export type BadInputProductCountQuery = { products: { totalCount: number } };

export type BadInputCreateProductMutationVariables = Exact<{
  input: ProductInput;
}>;


export type BadInputCreateProductMutation = { createProduct: { id: string } };

export type BadInputPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type BadInputPlansQuery = { plans: Array<{ code: string }> };

export type ThrottledLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type ThrottledLoginMutation = { login: { token: string } };

export type LogsSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type LogsSignUpMutation = { signUp: { token: string } };

export type LogsLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LogsLoginMutation = { login: { token: string } };

export type LogsProductsQueryVariables = Exact<{ [key: string]: never; }>;


export type LogsProductsQuery = { products: { totalCount: number } };

export type OperationsProductsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsProductsQuery = { products: { totalCount: number } };

export type SharedPoolsCreateMutationVariables = Exact<{
  sku: string;
}>;


export type SharedPoolsCreateMutation = { createProduct: { id: string } };

export type SharedPoolsSkusQueryVariables = Exact<{ [key: string]: never; }>;


export type SharedPoolsSkusQuery = { products: { totalCount: number, edges: Array<{ node: { sku: string, price: string, category: { name: string } | null } }> } };

export type SharedPoolsSalesQueryVariables = Exact<{ [key: string]: never; }>;


export type SharedPoolsSalesQuery = { salesReport: { count: number } };

export type BatchingInvoicesQueryVariables = Exact<{
  n: number;
}>;


export type BatchingInvoicesQuery = { invoices: { edges: Array<{ node: { customer: { name: string } | null, items: { nodes: Array<{ product: { category: { name: string } | null } | null }> }, payments: { nodes: Array<{ amount: string }> } } }> } };

export type IsolationCreateProductMutationVariables = Exact<{
  input: ProductInput;
}>;


export type IsolationCreateProductMutation = { createProduct: { id: string, sku: string, name: string } };

export type IsolationProductsQueryVariables = Exact<{ [key: string]: never; }>;


export type IsolationProductsQuery = { products: { totalCount: number, edges: Array<{ node: { id: string, sku: string, name: string } }> } };

export type IsolationProductQueryVariables = Exact<{
  id: string | number;
}>;


export type IsolationProductQuery = { product: { name: string } };

export type IsolationLoginMutationVariables = Exact<{
  e: string;
  p: string;
  t?: string | null | undefined;
}>;


export type IsolationLoginMutation = { login: { token: string } };


export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenant"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ProductsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductOrderBy"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"stock"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProductsPageQuery, ProductsPageQueryVariables>;
export const StockByKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StockByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"trackStock"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"eq"},"value":{"kind":"BooleanValue","value":true}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupedAggregates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"KIND"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stock"}}]}},{"kind":"Field","name":{"kind":"Name","value":"avg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StockByKindQuery, StockByKindQueryVariables>;
export const ProductByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"stock"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const CreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const UpdateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"price"}}]}}]}}]} as unknown as DocumentNode<UpdateProductMutation, UpdateProductMutationVariables>;
export const DeleteProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteProductMutation, DeleteProductMutationVariables>;
export const CustomersPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CustomersPageQuery, CustomersPageQueryVariables>;
export const CreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const InvoicesPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvoicesPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"InvoiceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"unitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"lineTotal"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<InvoicesPageQuery, InvoicesPageQueryVariables>;
export const CustomerBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerBalance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"in"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"ISSUED"},{"kind":"EnumValue","value":"PARTIALLY_PAID"}]}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TOTAL_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"aggregates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerBalanceQuery, CustomerBalanceQueryVariables>;
export const CreateInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InvoiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInvoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateInvoiceMutation, CreateInvoiceMutationVariables>;
export const SalesSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SalesSummary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateOrDateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateOrDateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SalesGrouping"}},"defaultValue":{"kind":"EnumValue","value":"MONTH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"salesReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"average"}},{"kind":"Field","name":{"kind":"Name","value":"periods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"topProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"invoices"}}]}}]}}]} as unknown as DocumentNode<SalesSummaryQuery, SalesSummaryQueryVariables>;
export const MyTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"isolation"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyTenantsQuery, MyTenantsQueryVariables>;
export const PlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"annualPrice"}},{"kind":"Field","name":{"kind":"Name","value":"maxProducts"}},{"kind":"Field","name":{"kind":"Name","value":"trialDays"}}]}}]}}]} as unknown as DocumentNode<PlansQuery, PlansQueryVariables>;
export const AuthSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthSignUpMutation, AuthSignUpMutationVariables>;
export const AuthLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<AuthLoginMutation, AuthLoginMutationVariables>;
export const AuthMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AuthMeQuery, AuthMeQueryVariables>;
export const AuthTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthTenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthTenantsQuery, AuthTenantsQueryVariables>;
export const AuthTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<AuthTenantQuery, AuthTenantQueryVariables>;
export const AuthMembershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthMemberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthMembershipsQuery, AuthMembershipsQueryVariables>;
export const BadInputProductCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BadInputProductCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<BadInputProductCountQuery, BadInputProductCountQueryVariables>;
export const BadInputCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BadInputCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BadInputCreateProductMutation, BadInputCreateProductMutationVariables>;
export const BadInputPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BadInputPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<BadInputPlansQuery, BadInputPlansQueryVariables>;
export const ThrottledLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ThrottledLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<ThrottledLoginMutation, ThrottledLoginMutationVariables>;
export const LogsSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogsSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<LogsSignUpMutation, LogsSignUpMutationVariables>;
export const LogsLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogsLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<LogsLoginMutation, LogsLoginMutationVariables>;
export const LogsProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LogsProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<LogsProductsQuery, LogsProductsQueryVariables>;
export const OperationsProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<OperationsProductsQuery, OperationsProductsQueryVariables>;
export const SharedPoolsCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SharedPoolsCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"GOODS"}},{"kind":"ObjectField","name":{"kind":"Name","value":"price"},"value":{"kind":"StringValue","value":"1.50","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SharedPoolsCreateMutation, SharedPoolsCreateMutationVariables>;
export const SharedPoolsSkusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedPoolsSkus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharedPoolsSkusQuery, SharedPoolsSkusQueryVariables>;
export const SharedPoolsSalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedPoolsSales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"salesReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"StringValue","value":"2026-01-01","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"StringValue","value":"2027-01-01","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"MONTH"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]} as unknown as DocumentNode<SharedPoolsSalesQuery, SharedPoolsSalesQueryVariables>;
export const BatchingInvoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchingInvoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"payments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BatchingInvoicesQuery, BatchingInvoicesQueryVariables>;
export const IsolationCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IsolationCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IsolationCreateProductMutation, IsolationCreateProductMutationVariables>;
export const IsolationProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IsolationProducts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IsolationProductsQuery, IsolationProductsQueryVariables>;
export const IsolationProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IsolationProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<IsolationProductQuery, IsolationProductQueryVariables>;
export const IsolationLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IsolationLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"e"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"t"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"e"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}},{"kind":"Argument","name":{"kind":"Name","value":"tenant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"t"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<IsolationLoginMutation, IsolationLoginMutationVariables>;