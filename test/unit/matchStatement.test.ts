// Which statement line is which payment.
import { Decimal } from '../../src/domain/money';
import { matchStatementLines, type LineToMatch, type PaymentToMatch } from '../../src/modules/banking/matchStatement';

const line = (id: string, date: string, amount: string, reference: string | null = null, description: string | null = null): LineToMatch => ({
  id,
  date: new Date(`${date}T00:00:00Z`),
  amount: new Decimal(amount),
  reference,
  description,
});
const payment = (id: string, date: string, amount: string, reference: string | null = null, invoiceNumber = `INV-${id}`): PaymentToMatch => ({
  id,
  paidAt: new Date(`${date}T15:00:00Z`),
  signedAmount: new Decimal(amount),
  reference,
  invoiceNumber,
});
const match = (lines: LineToMatch[], payments: PaymentToMatch[], window = 3) => Object.fromEntries(matchStatementLines(lines, payments, window));

test('a reference match wins over a closer date', () => {
  expect(match([line('l1', '2026-04-05', '100', 'TRX 7')], [payment('p1', '2026-04-05', '100'), payment('p2', '2026-04-03', '100', 'trx7')])).toEqual({ l1: 'p2' });
});

test('a sure match is not taken by a guess made for an earlier line', () => {
  const lines = [line('early', '2026-04-01', '50'), line('named', '2026-04-02', '50', null, 'for INV-p1')];
  expect(match(lines, [payment('p1', '2026-04-01', '50')])).toEqual({ named: 'p1' });
});

test('the same money in the other direction is not a match', () => {
  expect(match([line('l1', '2026-04-01', '-50')], [payment('p1', '2026-04-01', '50')])).toEqual({});
});

test('two payments that fit one line, or two lines that fit one payment, are left for a person', () => {
  expect(match([line('l1', '2026-04-01', '50')], [payment('p1', '2026-04-01', '50'), payment('p2', '2026-04-02', '50')])).toEqual({});
  expect(match([line('l1', '2026-04-01', '50'), line('l2', '2026-04-02', '50')], [payment('p1', '2026-04-01', '50')])).toEqual({});
});

test('dates further apart than the window never match', () => {
  expect(match([line('l1', '2026-04-05', '50', 'R1')], [payment('p1', '2026-04-01', '50', 'R1')], 3)).toEqual({});
  expect(match([line('l1', '2026-04-04', '50', 'R1')], [payment('p1', '2026-04-01', '50', 'R1')], 3)).toEqual({ l1: 'p1' });
});

test('a short reference is not looked for inside descriptions', () => {
  const payments = [payment('p1', '2026-04-01', '50', '12'), payment('p2', '2026-04-01', '50')];
  expect(match([line('l1', '2026-04-01', '50', null, 'paid 12 items')], payments)).toEqual({});
  expect(match([line('l1', '2026-04-01', '50', null, 'paid for 1234')], [payment('p1', '2026-04-01', '50', '1234'), payments[1]])).toEqual({ l1: 'p1' });
});
