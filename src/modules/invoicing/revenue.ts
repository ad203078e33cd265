// Which invoices count as revenue, in the reports of invoicing and of the shop built on it.

/** Sales and trades that were issued and not voided. */
export const REVENUE_KINDS = ['SALE', 'TRADE'];
export const REVENUE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID'];
