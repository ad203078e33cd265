// GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws
// at the same path (ws:// or wss://), both from @graphiql/toolkit. The header
// editor's object travels as HTTP headers, and as the connection_init payload of a
// subscription's socket. An Authorization that is still the example, or a token of a
// session the explorer signed in (session.ts), goes out as the explorer's current
// token: a sign-in in another tab, every refresh and a sign-out apply to this tab's requests.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { endpointUrls } from './endpointUrls';
import { currentToken, isExplorerToken } from './session';

/** A header still holding its example text (`Bearer <token ...>`) is not sent. */
export const isPlaceholder = (value: unknown) => typeof value === 'string' && /<[^>]*>/.test(value);

function withoutPlaceholders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([, value]) => !isPlaceholder(value)));
}

/** Whether an Authorization value follows the explorer's session: it still holds its example, or a token of a session the explorer opened. */
export function followsSession(value: unknown): boolean {
  if (isPlaceholder(value)) return true;
  const bearer = typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return bearer !== null && isExplorerToken(bearer[1]);
}

/**
 * Authorization goes out as the explorer's current token when it follows the session,
 * and not at all when that session was signed out; anything else (an API key, a token
 * pasted from elsewhere, no Authorization at all) goes out as written.
 */
async function withSessionToken(endpoint: string, given: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
  const name = Object.keys(given ?? {}).find((key) => key.toLowerCase() === 'authorization');
  const headers = withoutPlaceholders(given);
  if (name === undefined || !followsSession(given![name])) return headers;
  const token = await currentToken(endpoint);
  return token ? { ...headers, [name]: `Bearer ${token}` } : Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

export function createExplorerFetcher(endpoint: string, page: Location): Fetcher {
  const urls = endpointUrls(endpoint, page);
  const fetcher = createGraphiQLFetcher({ url: urls.http, subscriptionUrl: urls.ws });
  return async (params, options) => fetcher(params, { ...options, headers: await withSessionToken(urls.http, options?.headers) });
}
