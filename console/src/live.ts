// Subscriptions over graphql-ws at the GraphQL endpoint's path, as the signed-in user:
// one socket for the whole console, made on first use, closed on sign-out.
import { createClient, type Client } from 'graphql-ws';
import { currentToken, onSessionChange } from '../../explorer/src/session';
import { endpoint } from './config';

let client: Client | undefined;

onSessionChange(() => {
  // A new session (or none) must not reuse the old one's socket.
  void client?.dispose();
  client = undefined;
});

function socket(): Client {
  return (client ??= createClient({
    url: endpoint.ws,
    lazy: true,
    connectionParams: async () => ({ authorization: `Bearer ${(await currentToken(endpoint.http)) ?? ''}` }),
  }));
}

/** Calls `next` with each result of the subscription until it completes or the returned function is called. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, next: (data: T) => void): () => void {
  return socket().subscribe<T>({ query, variables }, { next: (result) => result.data && next(result.data as T), error: () => {}, complete: () => {} });
}
