// Names for prepared statements: PostgreSQL parses and plans a named statement once
// per connection and then only binds it. The same text always gets the same name.
// Texts vary with what clients ask (the shape of a where, the columns sorted by), so a
// connection prepares only so many: past that, a statement runs unprepared, and
// neither the server's backend nor the driver keeps a plan for every text ever sent.
import { LRUCache } from 'lru-cache';

const names = new LRUCache<string, string>({ max: 2000 });
let next = 0;

/** Statements one connection keeps prepared at most. */
export const MAX_PREPARED_PER_CONNECTION = 200;

const preparedOn = new WeakMap<object, Set<string>>();

/** The name to prepare `text` under on `connection`, or undefined to run it unprepared. */
export function preparedName(connection: object, text: string): string | undefined {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tg_plan_${(next++).toString(36)}`));
  let prepared = preparedOn.get(connection);
  if (!prepared) preparedOn.set(connection, (prepared = new Set()));
  if (prepared.has(name)) return name;
  if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return undefined;
  prepared.add(name);
  return name;
}
