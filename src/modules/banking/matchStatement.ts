// Which payment a bank statement line is. A line and a payment can match when the
// money is the same (to the cent, in the same direction) and their dates are at most
// `windowDays` apart, unless both carry references that disagree. A line whose
// reference (or description) names the payment's reference or invoice number is a
// sure match; otherwise a line is matched only when exactly one payment fits, and
// left for a person when several do.
import type { Decimal } from '../../domain/money';

export interface LineToMatch {
  id: string;
  date: Date;
  amount: Decimal;
  reference: string | null;
  description: string | null;
}

export interface PaymentToMatch {
  id: string;
  paidAt: Date;
  /** Positive for money received, negative for money paid out. */
  signedAmount: Decimal;
  reference: string | null;
  invoiceNumber: string;
}

const DAY = 86_400_000;
const normal = (value: string | null) => (value ?? '').replace(/\s+/g, '').toUpperCase();
const dayOf = (date: Date) => Math.floor(date.getTime() / DAY);

/** A description names a reference only when the reference is long enough to mean something. */
const names = (line: LineToMatch, reference: string) =>
  reference.length > 0 && (normal(line.reference) === reference || (reference.length >= 4 && normal(line.description).includes(reference)));

function fit(line: LineToMatch, payment: PaymentToMatch, windowDays: number): 'sure' | 'possible' | null {
  if (!line.amount.eq(payment.signedAmount)) return null;
  if (Math.abs(dayOf(line.date) - dayOf(payment.paidAt)) > windowDays) return null;
  const reference = normal(payment.reference);
  if (names(line, reference) || names(line, normal(payment.invoiceNumber))) return 'sure';
  if (line.reference && payment.reference) return null;
  return 'possible';
}

const amountKey = (amount: Decimal) => amount.toFixed(2);

function groupByAmount<T>(rows: T[], amount: (row: T) => Decimal): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = amountKey(amount(row));
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** Line id -> payment id, each payment used at most once. */
export function matchStatementLines(lines: LineToMatch[], payments: PaymentToMatch[], windowDays: number): Map<string, string> {
  const matches = new Map<string, string>();
  const taken = new Set<string>();
  // Only lines and payments of the same amount can match: compare within those groups.
  const paymentsByAmount = groupByAmount(payments, (p) => p.signedAmount);
  const linesByAmount = groupByAmount(lines, (l) => l.amount);
  const distance = (line: LineToMatch, p: PaymentToMatch) => Math.abs(line.date.getTime() - p.paidAt.getTime());
  const candidates = (line: LineToMatch, kind: 'sure' | 'possible') =>
    (paymentsByAmount.get(amountKey(line.amount)) ?? [])
      .filter((p) => !taken.has(p.id) && fit(line, p, windowDays) === kind)
      .sort((a, b) => distance(line, a) - distance(line, b));
  const ordered = [...lines].sort((a, b) => a.date.getTime() - b.date.getTime());

  // Sure matches first, so a guess never takes a payment a reference points to.
  for (const line of ordered) {
    const [best] = candidates(line, 'sure');
    if (best) {
      matches.set(line.id, best.id);
      taken.add(best.id);
    }
  }
  for (const line of ordered) {
    if (matches.has(line.id)) continue;
    const possible = candidates(line, 'possible');
    if (possible.length !== 1) continue;
    // Two lines that fit the same single payment: which one it is, a person decides.
    const rival = (linesByAmount.get(amountKey(line.amount)) ?? []).some(
      (other) => other !== line && !matches.has(other.id) && fit(other, possible[0], windowDays) !== null,
    );
    if (!rival) {
      matches.set(line.id, possible[0].id);
      taken.add(possible[0].id);
    }
  }
  return matches;
}
