// Database and schema names are derived from validated slugs, never spliced from
// raw input; quoteIdent still refuses anything outside a narrow alphabet, so a bug
// upstream cannot turn into SQL injection here.

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdent(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** `talanou` -> `tg_talanou`; `arya-jewelry` -> `tg_arya_jewelry`. Slugs have no `_`, so this is one-to-one. */
export function tenantStorageName(prefix: string, slug: string): string {
  return quoteIdent(`${prefix}${slug.replace(/-/g, '_')}`).slice(1, -1);
}

/**
 * A MySQL database name in backticks (a backtick doubled). Our own names pass the
 * narrow alphabet above; a customer's database (brought with its URL) may hold any
 * character but NUL, which MySQL itself refuses.
 */
export function quoteMysqlIdent(name: string): string {
  if (!name || name.includes('\0') || name.length > 64) throw new Error(`unsafe MySQL identifier: ${JSON.stringify(name)}`);
  return `\`${name.replaceAll('`', '``')}\``;
}
