import { z } from 'zod';
import { maxLengthOf, type ColumnsOf, type TenantModelName } from '../db/columnLengths';
import { badInput } from '../errors';

/** Parses input with a zod schema; the first problem becomes BAD_USER_INPUT naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw badInput(field ? `${field}: ${issue.message}` : issue.message, field ? { field } : {});
}

/**
 * The length check of a text stored in `model.field`: no longer than its column holds
 * on every engine (maxLengthOf), nor than `atMost` where a rule of ours says less.
 * `z.string().trim().check(fitsColumn('Customer', 'name'))`.
 */
export function fitsColumn<M extends TenantModelName>(model: M, field: ColumnsOf<M>, atMost = Infinity) {
  const max = Math.min(maxLengthOf(model, field), atMost);
  return z.maxLength(max, `must be at most ${max} characters`);
}
