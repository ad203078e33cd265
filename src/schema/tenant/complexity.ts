// Cost estimates for graphql-query-complexity: a list field costs its child's cost
// times the rows it can return, so `first: 100` on a deep selection adds up.
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from '../connection';

type Estimate = Parameters<ComplexityEstimator>[0];

/** Connections return up to `first` nodes. */
export const pageComplexity = ({ args, childComplexity }: Estimate) => 1 + (Number(args.first) || DEFAULT_PAGE) * childComplexity;

/** Nested lists without a page size (an invoice's items) are assumed to hold about ten rows. */
export const listComplexity = ({ childComplexity }: Estimate) => 1 + 10 * childComplexity;
