// Ids are UUIDs: a malformed one is refused as bad input before any database sees it.
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** Rejects a malformed ID as bad input before it reaches the database. */
export function parseId(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw badInput(`${field} is not a valid ID`, { field });
  return id.toLowerCase();
}
