// How many rows a page holds: lists of the tenant graph and of the platform alike.
import { badInput } from '../errors';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

function pageArgument(name: 'first' | 'last', n: number | null | undefined): number | undefined {
  if (n === null || n === undefined) return undefined;
  if (n < 0 || n > MAX_PAGE) throw badInput(`${name} must be between 0 and ${MAX_PAGE}`, { field: name });
  return n;
}

/** The rows a page asks for (`fallback` without first or last) and whether from the end (last). */
export function pageWindow(args: { first?: number | null; last?: number | null }, fallback: number | undefined): { size: number | undefined; backward: boolean } {
  const first = pageArgument('first', args.first);
  const last = pageArgument('last', args.last);
  if (first !== undefined && last !== undefined) throw badInput('ask for first or last, not both', { field: 'last' });
  return { size: first ?? last ?? fallback, backward: last !== undefined };
}
