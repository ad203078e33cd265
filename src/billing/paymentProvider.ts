// How a subscription period gets paid. The platform asks a provider to charge a
// period and records a BillingTransaction in the state the provider answers.
// A card or bank-debit provider would complete (or fail) the charge itself; the
// one shipped here collects offline.

import type { BillingStatus } from '../generated/platform/enums';

export interface Charge {
  tenantId: string;
  subscriptionId: string;
  amount: string;
  currency: string;
  description: string;
  periodStart: Date;
  periodEnd: Date;
}

export interface ChargeResult {
  status: BillingStatus;
  /** The provider's own reference for the charge, when it has one. */
  providerRef: string | null;
}

export interface PaymentProvider {
  /** Stored with every transaction it handles. */
  readonly name: string;
  charge(charge: Charge): Promise<ChargeResult>;
}

export const MANUAL_OFFLINE = 'manual-offline';

/**
 * Payments made outside the platform (bank transfer, cash, cheque): a charge stays
 * PENDING until a platform admin records the payment (`recordManualPayment`).
 * No money moves through the gateway.
 */
export const manualOfflineProvider: PaymentProvider = {
  name: MANUAL_OFFLINE,
  async charge() {
    return { status: 'PENDING', providerRef: null };
  },
};
