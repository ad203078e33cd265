// Cost estimates for graphql-query-complexity: a list field costs its child's cost
// times the rows it can return, so `first: 100` on a deep selection adds up.
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from '../../planner/pageSize';

type Estimate = Parameters<ComplexityEstimator>[0];

/** Nested lists without a page size (an invoice's items) are assumed to hold about ten rows. */
const ASSUMED_NESTED_ROWS = 10;

const rowsAsked = (args: Record<string, unknown>) => Number(args.first ?? args.last) || undefined;

/** A root list returns up to `first` (or `last`) rows, DEFAULT_PAGE without either. */
export const pageComplexity = ({ args, childComplexity }: Estimate) => 1 + (rowsAsked(args) ?? DEFAULT_PAGE) * childComplexity;

/** A nested list returns up to `first` (or `last`) rows, or all of its rows. */
export const listComplexity = ({ args, childComplexity }: Estimate) => 1 + (rowsAsked(args) ?? ASSUMED_NESTED_ROWS) * childComplexity;
