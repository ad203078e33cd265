// Fields of a model's type that a hand-written resolver computes from its row (a
// product's name in a locale): the planner reads the columns they name into the row,
// and nothing else about them. One that shadows a column of its own name answers
// that column when it is asked without arguments, with no resolver call per row.
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';

export interface ComputedColumns {
  /** Read whenever the field is asked for. */
  columns: string[];
  /** Read too when it is given arguments. */
  withArguments: string[];
}

/** Marks a @FieldResolver as computed from `columns` (and `withArguments` when it has arguments). */
export const Computed = (columns: string[], withArguments: string[] = []) => Extensions({ computed: { columns, withArguments } satisfies ComputedColumns });

export const computedColumns = (field: GraphQLField<any, any> | undefined) => field?.extensions?.computed as ComputedColumns | undefined;
