// A GraphQL request with a Host of the test's choosing (fetch() will not send one;
// node:http will), as a browser on a tenant's own domain sends it.
import http from 'node:http';
import type { GraphQLResponse, TestGateway } from './testGateway';

export function requestWithHost(
  gw: TestGateway,
  host: string,
  query: string,
  { token, tenant, variables }: { token?: string; tenant?: string; variables?: Record<string, unknown> } = {},
): Promise<GraphQLResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(gw.url, {
      method: 'POST',
      timeout: 10_000,
      headers: {
        'content-type': 'application/json',
        host,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(tenant ? { 'x-tenant': tenant } : {}),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer for Host ${host} within 10 s`)));
    req.on('error', reject);
    req.end(JSON.stringify({ query, variables }));
  });
}
