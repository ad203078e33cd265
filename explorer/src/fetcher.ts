// GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws
// at the same path (ws:// or wss://), both from @graphiql/toolkit. The header
// editor's object travels as HTTP headers, and as the connection_init payload of a
// subscription's socket.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

/** A header still holding its example text (`Bearer <token ...>`) is not sent. */
export const isPlaceholder = (value: unknown) => typeof value === 'string' && /<[^>]*>/.test(value);

function withoutPlaceholders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => !isPlaceholder(value)));
}

export function endpointUrls(endpoint: string, page: Location): { http: string; ws: string } {
  const http = new URL(endpoint, page.href);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.href, ws: ws.href };
}

export function createExplorerFetcher(endpoint: string, page: Location): Fetcher {
  const urls = endpointUrls(endpoint, page);
  const fetcher = createGraphiQLFetcher({ url: urls.http, subscriptionUrl: urls.ws });
  return (params, options) => fetcher(params, { ...options, headers: withoutPlaceholders(options?.headers) });
}
