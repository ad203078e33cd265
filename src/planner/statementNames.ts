// Names for prepared statements: PostgreSQL parses and plans a named statement once
// per connection and then only binds it. The same text always gets the same name;
// texts are few (one per query shape and filter combination, the same for every
// tenant with a database of its own), and the map is capped anyway.
import { LRUCache } from 'lru-cache';

const names = new LRUCache<string, string>({ max: 2000 });
let next = 0;

export function preparedName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tg_plan_${(next++).toString(36)}`));
  return name;
}
