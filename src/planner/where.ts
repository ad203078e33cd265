// A `where` input as SQL over one table alias: per column the operators of its
// filter, a to-one relation by its own where (EXISTS), a to-many by some/none
// (EXISTS / NOT EXISTS), and and/or/not. Every value is bound; a null operand is
// as if left out. Limits keep a client from writing a statement of any size.
import { badInput } from '../errors';
import { isUuid } from '../ids';
import { modelNamed, type Column, type Model } from '../model/tenantModel';
import type { Dialect } from './dialect';
import { join, value, type Sql } from './sql';

export type WhereInput = Record<string, unknown>;

// Shared with the platform's lists (schema/platform/platformWhere.ts).
export const MAX_DEPTH = 8;
export const MAX_CONDITIONS = 200;
export const MAX_LIST = 1000;

export interface WhereWriter {
  dialect: Dialect;
  /** A fresh table alias for a subquery. */
  alias(): string;
  /** The schema-qualified table of a model. */
  table(model: Model): string;
  /** What keeps a POOL tenant to its rows of the table at `alias` (nothing for a tenant's own tables). */
  ownRows(alias: string): Sql[];
  /** FORBIDDEN unless the caller may read rows of `model` (and `column` of them). */
  allow(model: Model, column?: Column): void;
}

// DateTime columns hold UTC without a zone (timestamp(3), DATETIME(3)): a moment is
// bound as that text, which both engines read alike whatever the session's time zone.
export const utcTimestamp = (moment: Date) => moment.toISOString().slice(0, 23).replace('T', ' ');

/** A value of a column's scalar as it is bound. */
export function boundValue(column: Column, v: unknown, path: string): unknown {
  switch (column.scalar) {
    case 'DateTime':
      return v instanceof Date ? utcTimestamp(v) : v;
    case 'Date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : v;
    case 'ID':
      if (typeof v !== 'string' || !isUuid(v)) throw badInput(`${path} is not a valid ID`, { field: path });
      return v.toLowerCase();
    default:
      return v;
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const FALSE = '1 = 0';

class Compiler {
  private conditions = 0;
  constructor(private readonly writer: WhereWriter) {}

  where(model: Model, alias: string, input: WhereInput, path: string, depth: number): Sql[] {
    if (depth > MAX_DEPTH) throw badInput(`${path}: conditions nest at most ${MAX_DEPTH} deep`, { field: path });
    const parts: Sql[] = [];
    for (const [name, operand] of Object.entries(input)) {
      if (operand === null || operand === undefined) continue;
      const at = `${path}.${name}`;
      if (name === 'and' || name === 'or') {
        const branches = (operand as WhereInput[]).map((branch, i) => this.group(this.where(model, alias, branch, `${at}[${i}]`, depth + 1)));
        if (name === 'and') parts.push(...branches.filter((b) => b !== ''));
        // No branch at all matches nothing; an empty branch matches everything: the or adds no condition.
        else if (branches.length === 0) parts.push(FALSE);
        else if (!branches.includes('')) parts.push(['(', join(branches, ' OR '), ')']);
        continue;
      }
      if (name === 'not') {
        const inner = this.group(this.where(model, alias, operand as WhereInput, at, depth + 1));
        if (inner !== '') parts.push(['NOT ', inner]);
        continue;
      }
      const relation = model.relations.find((r) => r.name === name);
      if (relation) {
        const target = modelNamed(relation.target);
        this.writer.allow(target);
        const exists = (inner: WhereInput, negated: boolean, innerPath: string) => {
          const sub = this.writer.alias();
          const { dialect } = this.writer;
          const link = `${sub}.${dialect.quote(relation.targetColumn)} = ${alias}.${dialect.quote(relation.localColumn)}`;
          const conditions = [...this.writer.ownRows(sub), link, ...this.where(target, sub, inner, innerPath, depth + 1)];
          return [negated ? 'NOT ' : '', `EXISTS (SELECT 1 FROM ${this.writer.table(target)} ${sub} WHERE `, join(conditions, ' AND '), ')'];
        };
        if (relation.kind === 'one') parts.push(exists(operand as WhereInput, false, at));
        else {
          const { some, none } = operand as { some?: WhereInput | null; none?: WhereInput | null };
          if (some) parts.push(exists(some, false, `${at}.some`));
          if (none) parts.push(exists(none, true, `${at}.none`));
        }
        continue;
      }
      const column = model.columns.find((c) => c.name === name);
      if (!column) throw badInput(`${at} is not a column of ${model.typeName}`, { field: at });
      if (column.readRole) this.writer.allow(model, column);
      parts.push(...this.column(column, `${alias}.${this.writer.dialect.quote(column.column)}`, operand as Record<string, unknown>, at));
    }
    return parts;
  }

  private group(parts: Sql[]): Sql {
    if (parts.length === 0) return '';
    return parts.length === 1 ? parts[0] : ['(', join(parts, ' AND '), ')'];
  }

  private column(column: Column, expression: string, filter: Record<string, unknown>, path: string): Sql[] {
    const { dialect } = this.writer;
    const parts: Sql[] = [];
    const bound = (v: unknown, at: string) => dialect.compared(column.scalar, value(boundValue(column, v, at)));
    for (const [op, operand] of Object.entries(filter)) {
      if (operand === null || operand === undefined) continue;
      if (++this.conditions > MAX_CONDITIONS) throw badInput(`where: at most ${MAX_CONDITIONS} conditions`, { field: 'where' });
      const at = `${path}.${op}`;
      switch (op) {
        case 'eq':
        case 'ne':
        case 'lt':
        case 'lte':
        case 'gt':
        case 'gte':
          parts.push([`${expression} ${COMPARISONS[op]} `, bound(operand, at)]);
          break;
        case 'in':
        case 'notIn': {
          const list = operand as unknown[];
          if (list.length > MAX_LIST) throw badInput(`${at}: at most ${MAX_LIST} values`, { field: at });
          if (list.length === 0) parts.push(op === 'in' ? FALSE : '1 = 1');
          else parts.push(dialect.oneOf(expression, list.map((v, i) => bound(v, `${at}[${i}]`)), op === 'notIn'));
          break;
        }
        case 'isNull':
          parts.push(`${expression} IS ${operand ? '' : 'NOT '}NULL`);
          break;
        case 'contains':
          parts.push(dialect.like(expression, value(`%${escapeLike(String(operand))}%`)));
          break;
        case 'startsWith':
          parts.push(dialect.like(expression, value(`${escapeLike(String(operand))}%`)));
          break;
        case 'has':
          parts.push(dialect.holds(expression, value(String(operand))));
          break;
        default:
          throw badInput(`${at} is not an operator`, { field: at });
      }
    }
    return parts;
  }
}

const COMPARISONS = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/** The conditions of `input` on rows of `model` at `alias`, to be AND-ed ([] when it asks nothing). */
export function whereSql(writer: WhereWriter, model: Model, alias: string, input: WhereInput | null | undefined, path = 'where'): Sql[] {
  if (!input) return [];
  return new Compiler(writer).where(model, alias, input, path, 0);
}
