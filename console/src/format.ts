// How numbers and dates read on the console.

export const count = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en'));

export const day = (iso: string) => iso.slice(0, 10);

export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) : '–');

/** The last `n` UTC days, oldest first, as YYYY-MM-DD. */
export function lastDays(n: number): string[] {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return Array.from({ length: n }, (_, i) => new Date(today - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}
