// GraphQL over HTTP as the signed-in user: the explorer's session (session.ts), so a
// sign-in here is one in GraphiQL too, and its token is refreshed the same way.
// Fleet queries go without X-Tenant; a tenant's own fields (members, webhooks...) name it.
import { currentToken } from '../../explorer/src/session';
import { endpoint } from './config';

export interface GraphQLIssue {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string };
}

/** What the gateway answered: data where it could, and an error per field it refused. */
export interface Answer<T> {
  data: T | null;
  errors: GraphQLIssue[];
}

export class RequestRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function ask<T>(query: string, variables: Record<string, unknown> = {}, tenant?: string): Promise<Answer<T>> {
  const token = await currentToken(endpoint.http);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (tenant) headers['x-tenant'] = tenant;
  const response = await fetch(endpoint.http, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLIssue[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** `ask`, for an answer that must be whole: its first error is thrown. */
export async function must<T>(query: string, variables: Record<string, unknown> = {}, tenant?: string): Promise<T> {
  const { data, errors } = await ask<T>(query, variables, tenant);
  if (errors.length || !data) throw new RequestRefused(errors[0]?.message ?? 'no answer', errors[0]?.extensions?.code);
  return data;
}

/** The error of the field at `path` (its first key), if the gateway refused it. */
export const issueAt = (errors: GraphQLIssue[], field: string) => errors.find((e) => e.path?.[0] === field);
