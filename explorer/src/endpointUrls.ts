// Where the GraphQL endpoint is, from the page's address: HTTP for queries and
// mutations, ws(s) at the same path for subscriptions. Shared with the console.

export function endpointUrls(endpoint: string, page: Location): { http: string; ws: string } {
  const http = new URL(endpoint, page.href);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.href, ws: ws.href };
}
