// A column's value as a statement brings it back, turned into what the API answers.
// The same column arrives as text (PostgreSQL rows read raw, MySQL's strings) or as a
// JSON value (inside a nested list), so each decoder takes either: exact decimals as
// strings without trailing zeros ("12.5", as Prisma's Decimal prints them), moments as
// ISO 8601 in UTC with milliseconds, JSON columns parsed.
import type { Scalar } from '../model/tenantModel';

export type Decoder = (value: unknown) => unknown;

/** "12.50" -> "12.5", "3.000" -> "3". */
export function trimDecimal(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 46 /* . */) end--;
  return text.slice(0, end);
}

/**
 * "2026-03-21 09:05:00", "2026-03-21T09:05:00.5" or "2026-03-21 09:05:00.123000"
 * (a UTC timestamp without a zone, as each engine writes one) -> "2026-03-21T09:05:00.500Z".
 */
export function isoMoment(text: string): string {
  const fraction = text.length > 20 ? text.slice(20, 23) : '';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.padEnd(3, '0')}Z`;
}

const decimal: Decoder = (v) => (v === null ? null : trimDecimal(String(v)));
const moment: Decoder = (v) => (v === null ? null : isoMoment(String(v)));
const day: Decoder = (v) => (v === null ? null : String(v).slice(0, 10));
const number: Decoder = (v) => (v === null || typeof v === 'number' ? v : Number(v));
const boolean: Decoder = (v) => (v === null ? null : v === true || v === 't' || v === 1 || v === '1' || v === 'true');
const json: Decoder = (v) => (typeof v === 'string' ? JSON.parse(v) : v);
const text: Decoder = (v) => v;

const DECODERS: Record<Scalar, Decoder> = {
  ID: text,
  String: text,
  Enum: text,
  Int: number,
  Float: number,
  Boolean: boolean,
  Decimal: decimal,
  DateTime: moment,
  Date: day,
  Json: json,
};

export const decoderOf = (scalar: Scalar): Decoder => DECODERS[scalar];
