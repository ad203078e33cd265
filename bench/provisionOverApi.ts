// createTenant as a client uses it: the mutation over HTTP, then the job followed over
// graphql-ws to its end. What a benchmark times as "createTenant to ACTIVE".
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Isolation } from '../src/generated/platform/enums';

/** POSTs an operation; its errors are thrown. */
export async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A graphql-ws client of the gateway at `url`, signed in with `token`. */
export function wsClient(url: string, token: string): Client {
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
}

/** Follows a job over graphql-ws until it completes, `timeoutMs` at most; resolves with its final status. */
export function followJob(client: Client, jobId: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let status = '';
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`job ${jobId} did not finish within ${timeoutMs} ms (last status ${status || 'unknown'})`));
    }, timeoutMs);
    const settle = (settled: () => void) => {
      clearTimeout(timer);
      settled();
    };
    const unsubscribe = client.subscribe<{ provisioningProgress: { status: string } }>(
      { query: 'subscription($id: ID!) { provisioningProgress(jobId: $id) { status } }', variables: { id: jobId } },
      {
        next: (r) => (status = r.data?.provisioningProgress.status ?? status),
        error: (error) => settle(() => reject(error)),
        complete: () => settle(() => resolve(status)),
      },
    );
  });
}

/** Creates the tenant (named as its slug) and waits until its job SUCCEEDED (the tenant is ACTIVE): milliseconds from the request. */
export async function provisionOne(
  url: string,
  client: Client,
  token: string,
  tenant: { slug: string; isolation?: Isolation; engine?: 'POSTGRESQL' | 'MYSQL'; plan?: string; restoreFrom?: string },
  timeoutMs = 120_000,
): Promise<number> {
  const { slug } = tenant;
  const started = performance.now();
  const { createTenant } = await post(url, 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { job { id } } }', { input: { ...tenant, name: slug } }, token);
  const status = await followJob(client, createTenant.job.id, timeoutMs);
  if (status !== 'SUCCEEDED') throw new Error(`${slug} ended ${status}`);
  return performance.now() - started;
}
