// A span per database statement, in the database semantic conventions (db.system.name,
// db.namespace, db.query.text). Statements are traced where they leave for the server
// (db/statementHooks.ts), so the planner's, Prisma's and the platform's all look alike.
//
// Bound values are never recorded. The text is recorded only for a statement sent
// with bound values: those are written with placeholders for what varies. One sent
// without any may carry its values inline (a role's password in provisioning DDL), so
// its text is left out and only its operation (SELECT, CREATE...) is kept.
import { SpanKind } from '@opentelemetry/api';
import { inChildSpan, inRecordedTrace } from './spans';

export type DatabaseSystem = 'postgresql' | 'mysql' | 'mariadb';

export interface Statement {
  system: DatabaseSystem;
  /** The database the statement runs in, when the connection is bound to one. */
  namespace?: string;
  text: string;
  values?: readonly unknown[];
}

const OPERATION = /^\s*([A-Za-z]+)/;

export function statementAttributes({ system, namespace, text, values }: Statement) {
  const operation = OPERATION.exec(text)?.[1].toUpperCase();
  return {
    'db.system.name': system,
    ...(namespace ? { 'db.namespace': namespace } : {}),
    ...(operation ? { 'db.operation.name': operation } : {}),
    ...(values?.length ? { 'db.query.text': text } : {}),
  };
}

/** Runs the statement (`send`) in a span of its own when a recorded trace is active. */
export function inStatementSpan<T>(statement: Statement, send: () => Promise<T>): Promise<T> {
  if (!inRecordedTrace()) return send();
  const attributes = statementAttributes(statement);
  const name = attributes['db.operation.name'] ?? statement.system;
  return inChildSpan(name, { kind: SpanKind.CLIENT, attributes }, send);
}
