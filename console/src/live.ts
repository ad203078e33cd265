// Subscriptions over graphql-ws at the GraphQL endpoint's path, as the signed-in user:
// one socket for the whole console, made on first use, closed when someone else signs
// in or out (a refreshed token is the same session: its socket stays, and a reconnect
// presents the current token).
import { createClient, type Client } from 'graphql-ws';
import { currentToken, loadSession, onSessionChange, sessionIdOf } from '../../explorer/src/session';
import { endpoint } from './config';

let client: Client | undefined;

const sessionId = () => {
  const session = loadSession();
  return session ? (sessionIdOf(session.token) ?? session.token) : null;
};

let socketSession = sessionId();
onSessionChange(() => {
  const now = sessionId();
  if (now === socketSession) return;
  socketSession = now;
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
