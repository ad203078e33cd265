// One statement of a tenant migration (PostgreSQL, as Prisma writes it) rewritten for
// the pool database, where the rows of many tenants share each table:
// - a table gets a "tenantId" column, first, filled from the transaction's tenant
//   setting, and leading its primary key; row-level security, forced so the owner is
//   held to it too (a superuser or BYPASSRLS role is not), and a policy that shows
//   and accepts only the current tenant's rows;
// - every btree index (unique ones above all: two tenants may both have SKU R-1) and
//   every foreign key leads with "tenantId", so a row can only reference a row of its
//   own tenant, whatever id it names; an exclusion constraint compares "tenantId" with
//   = first, so one tenant's rows never exclude another's;
// - statements that cannot mix tenants pass through unchanged.
// Anything else is refused: a migration must not silently make a shared table
// without tenant scoping, or anything (a view, a function, a data migration) that
// reads across tenants.
import { POOL_TENANT_SETTING } from './poolScope';
import { closingParenthesis, outsideQuotes, splitTopLevel } from './sqlLists';

/** The column of every pool table that says whose row it is. */
export const TENANT_COLUMN = 'tenantId';

const TENANT = `"${TENANT_COLUMN}"`;
// Without missing_ok: an insert with no tenant set fails loudly instead of writing a row of nobody's.
const TENANT_COLUMN_DEFINITION = `${TENANT} UUID NOT NULL DEFAULT (current_setting('${POOL_TENANT_SETTING}')::uuid)`;
// The sub-SELECT makes it an InitPlan, evaluated once per statement instead of once per
// row. NULLIF: once a transaction's SET LOCAL is over, the setting reads '' on that
// connection, and '' is no uuid; NULL matches no row.
const CURRENT_TENANT = `(SELECT NULLIF(current_setting('${POOL_TENANT_SETTING}', true), '')::uuid)`;

/** A statement the rewrite cannot make safe for tables that tenants share. */
export class UnpoolableStatement extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnpoolableStatement';
  }
}

// A table's name as Prisma writes it, with or without its schema: the whole and the bare name.
const TABLE = '((?:"[^"]+"\\.)?"([^"]+)")';
const LEADING_COMMENTS = /^(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*/;
// Statements that cannot mix one tenant's rows with another's. BEGIN and COMMIT are
// what Prisma wraps an enum's redefinition in; they behave as in a tenant's own database.
const HARMLESS = /^(?:(?:CREATE|ALTER|DROP)\s+(?:TYPE|SEQUENCE)|DROP\s+(?:TABLE|INDEX)|ALTER\s+INDEX|CREATE\s+EXTENSION|COMMENT\s+ON|BEGIN|COMMIT)\b/i;
// A transaction-scoped advisory lock, which a migration takes to wait for another's
// server-wide change (an extension): it reads and writes no row.
const ADVISORY_LOCK = /^SELECT\s+pg_advisory_xact_lock\(\s*hashtext\('[^']*'\)\s*\)\s*;?\s*$/i;
// A key written into a column's own definition: it would not lead with the tenant.
const INLINE_KEY = /\b(?:PRIMARY\s+KEY|UNIQUE|REFERENCES)\b/i;

/** The statements that stand for `statement` in the pool database: itself rewritten, and for a new table its row-level security. */
export function poolStatements(statement: string): string[] {
  const comments = LEADING_COMMENTS.exec(statement)![0];
  const sql = statement.slice(comments.length);
  if (sql.includes(TENANT)) throw new UnpoolableStatement(`it names ${TENANT}, the pool database's own column`);
  const [rewritten, ...added] = rewrite(sql);
  return [comments + rewritten, ...added];
}

function rewrite(sql: string): string[] {
  if (/^CREATE\s+TABLE\b/i.test(sql)) return sharedTable(sql);
  if (/^CREATE\s+(?:UNIQUE\s+)?INDEX\b/i.test(sql)) return [tenantLedIndex(sql)];
  if (/^ALTER\s+TABLE\b/i.test(sql)) return [alteredSharedTable(sql)];
  if (HARMLESS.test(sql) || ADVISORY_LOCK.test(sql)) return [sql];
  throw new UnpoolableStatement('no rule rewrites this kind of statement for tables that tenants share');
}

/** `sql` with `"tenantId", ` put first in the column list that opens at `open`. */
const tenantFirst = (sql: string, open: number) => `${sql.slice(0, open + 1)}${TENANT}, ${sql.slice(open + 1)}`;

/** The whole of `raw`, one item of a list, replaced by `rewrite` of it trimmed: the whitespace around it stays. */
function rewrittenItem(raw: string, rewrite: (item: string) => string): string {
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  return raw.slice(0, start) + rewrite(raw.slice(start, end)) + raw.slice(end);
}

// CREATE TABLE "X" ( columns..., CONSTRAINT "X_pkey" PRIMARY KEY (...) )
function sharedTable(sql: string): string[] {
  const head = new RegExp(`^CREATE\\s+TABLE\\s+${TABLE}\\s*\\(`, 'i').exec(sql);
  if (!head) throw new UnpoolableStatement('a CREATE TABLE not of the form CREATE TABLE "X" (...)');
  const [opening, table, name] = head;
  const open = opening.length - 1;
  if (closingParenthesis(sql, open) !== sql.length - 1) {
    throw new UnpoolableStatement(`CREATE TABLE ${table} goes on after its list of columns (PARTITION BY, INHERITS, WITH, ...)`);
  }
  const elements = splitTopLevel(sql.slice(open + 1, -1)).map((raw) => rewrittenItem(raw, (element) => tableElement(table, element)));
  const indent = /^\s*/.exec(elements[0])![0];
  const created = `${sql.slice(0, open + 1)}${[indent + TENANT_COLUMN_DEFINITION, ...elements].join(',')})`;
  return [created, ...rowLevelSecurity(table, name)];
}

function tableElement(table: string, element: string): string {
  if (element.startsWith('"')) {
    if (INLINE_KEY.test(outsideQuotes(element))) throw new UnpoolableStatement(`a key written inline in a column of ${table}: ${element}`);
    return element;
  }
  const primaryKey = /^CONSTRAINT\s+"[^"]+"\s+PRIMARY\s+KEY\s*\(/i.exec(element);
  if (primaryKey) return tenantFirst(element, primaryKey[0].length - 1);
  if (/^CONSTRAINT\s+"[^"]+"\s+CHECK\b/i.test(element)) return element;
  throw new UnpoolableStatement(`a part of CREATE TABLE ${table} the rewrite does not know: ${element}`);
}

/** Forced, so the table's owner is held to it as well; one policy for reading and writing. */
function rowLevelSecurity(table: string, name: string): string[] {
  const own = `${TENANT} = ${CURRENT_TENANT}`;
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY "${name}_tenant" ON ${table} USING (${own}) WITH CHECK (${own})`,
  ];
}

// CREATE [UNIQUE] INDEX "n" ON "X" [USING method] (columns) ...
function tenantLedIndex(sql: string): string {
  const head = new RegExp(`^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+"[^"]+"\\s+ON\\s+${TABLE}\\s*(?:USING\\s+(\\w+)\\s*)?\\(`, 'i').exec(sql);
  if (!head) throw new UnpoolableStatement('a CREATE INDEX not of the form CREATE [UNIQUE] INDEX "n" ON "X" [USING method] (...)');
  const [opening, unique, , , method = 'btree'] = head;
  // GIN and GiST cannot hold a uuid without an extension. A non-unique index only
  // finds rows, and the policy still filters what it finds, so it may stay as it is.
  if (!unique && method.toLowerCase() !== 'btree') return sql;
  return tenantFirst(sql, opening.length - 1);
}

// ALTER TABLE "X" action, action, ... (Prisma puts several changes to a table in one statement)
function alteredSharedTable(sql: string): string {
  const head = new RegExp(`^ALTER\\s+TABLE\\s+(?:ONLY\\s+)?${TABLE}\\s`, 'i').exec(sql);
  if (!head) throw new UnpoolableStatement('an ALTER TABLE not of the form ALTER TABLE "X" ...');
  const table = head[1];
  const actions = splitTopLevel(sql.slice(head[0].length)).map((raw) => rewrittenItem(raw, (action) => alteredAction(table, action)));
  return head[0] + actions.join(',');
}

const ADDED_CONSTRAINT = '^ADD\\s+(?:CONSTRAINT\\s+"[^"]+"\\s+)?';

function alteredAction(table: string, action: string): string {
  if (new RegExp(`${ADDED_CONSTRAINT}FOREIGN\\s+KEY\\b`, 'i').test(action)) return tenantForeignKey(table, action);
  const key = new RegExp(`${ADDED_CONSTRAINT}(?:PRIMARY\\s+KEY|UNIQUE)\\s*\\(`, 'i').exec(action);
  if (key) return tenantFirst(action, key[0].length - 1);
  if (new RegExp(`${ADDED_CONSTRAINT}CHECK\\b`, 'i').test(action)) return action;
  const exclusion = new RegExp(`${ADDED_CONSTRAINT}EXCLUDE\\s+(?:USING\\s+\\w+\\s*)?\\(`, 'i').exec(action);
  if (exclusion) return tenantExclusion(action, exclusion[0].length - 1);
  // Any other constraint: UNIQUE USING INDEX, UNIQUE NULLS NOT DISTINCT, ...
  if (/^ADD\s+(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|EXCLUDE)\b/i.test(action))
    throw new UnpoolableStatement(`a constraint of ${table} the rewrite does not know: ${action}`);
  if (/^ADD\s/i.test(action)) {
    // A column, with or without the word COLUMN.
    if (INLINE_KEY.test(outsideQuotes(action))) throw new UnpoolableStatement(`a key written inline in a column added to ${table}: ${action}`);
    return action;
  }
  if (/^(?:DROP\s+(?:COLUMN|CONSTRAINT)|ALTER\s+(?:COLUMN\s+)?"|RENAME\s)/i.test(action)) return action;
  throw new UnpoolableStatement(`a change to ${table} the rewrite does not know: ${action}`);
}

/** `action`, an EXCLUDE whose element list opens at `open`, with the tenant's rows compared first: only rows of one tenant exclude each other. */
const tenantExclusion = (action: string, open: number) => `${action.slice(0, open + 1)}${TENANT} WITH =, ${action.slice(open + 1)}`;

const REFERENTIAL_ACTION = 'NO\\s+ACTION|RESTRICT|CASCADE|SET\\s+NULL|SET\\s+DEFAULT';
const FOREIGN_KEY = new RegExp(
  `^(ADD\\s+(?:CONSTRAINT\\s+"[^"]+"\\s+)?FOREIGN\\s+KEY\\s*)\\(([^()]*)\\)(\\s*REFERENCES\\s+${TABLE}\\s*)\\(([^()]*)\\)` +
    `(\\s+ON\\s+DELETE\\s+(?:${REFERENTIAL_ACTION}))?(\\s+ON\\s+UPDATE\\s+(?:${REFERENTIAL_ACTION}))?$`,
  'i',
);

// ADD CONSTRAINT "n" FOREIGN KEY (columns) REFERENCES "Y"(columns) ON DELETE ... ON UPDATE ...
function tenantForeignKey(table: string, action: string): string {
  const key = FOREIGN_KEY.exec(action);
  if (!key)
    throw new UnpoolableStatement(`a foreign key of ${table} not of the form FOREIGN KEY (...) REFERENCES "Y"(...) ON DELETE ... ON UPDATE ...: ${action}`);
  const [, head, columns, references, , , referenced, onDelete = '', onUpdate = ''] = key;
  // ON UPDATE cannot be limited to some columns: SET NULL or SET DEFAULT there would set "tenantId" too.
  if (/SET\s+(?:NULL|DEFAULT)/i.test(onUpdate)) throw new UnpoolableStatement(`a foreign key of ${table} that sets columns on update: ${action}`);
  // PostgreSQL 15 and later: set only the key's own columns on delete, never "tenantId".
  const onDeleteOwnColumns = onDelete.replace(/SET\s+(?:NULL|DEFAULT)$/i, (set) => `${set} (${columns})`);
  return `${head}(${TENANT}, ${columns})${references}(${TENANT}, ${referenced})${onDeleteOwnColumns}${onUpdate}`;
}
