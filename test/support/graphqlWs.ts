// A graphql-ws client for tests: real WebSocket, no retries (a 4403 must stay a 4403).
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export interface WsConnection {
  client: Client;
  /** Resolves with the close event once the socket is closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
}

/** `keepOpen`: connect at once and stay connected between operations (graphql-ws otherwise closes an idle socket, and connects again). */
export function connectWs(httpUrl: string, connectionParams: Record<string, unknown> = {}, { keepOpen = false } = {}): WsConnection {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: !keepOpen,
    connectionParams,
    on: { closed: (event) => onClosed({ code: (event as { code: number }).code, reason: String((event as { reason?: unknown }).reason ?? '') }) },
  });
  return { client, closed };
}

export interface WsOperation<T = any> {
  results: WsResult<T>[];
  /** Settles when the server completes the operation: resolves, or rejects with what ended it otherwise. */
  done: Promise<WsResult<T>[]>;
  /** Resolves with the first result that `predicate` accepts (already received or yet to come). */
  until(predicate: (result: WsResult<T>) => boolean): Promise<WsResult<T>>;
  /** Leaves the operation, as a client that navigates away. */
  stop(): void;
}

export function operate<T = any>(client: Client, query: string, variables?: Record<string, unknown>): WsOperation<T> {
  const results: WsResult<T>[] = [];
  const waiters: Array<{ predicate: (r: WsResult<T>) => boolean; resolve: (r: WsResult<T>) => void }> = [];
  let stop!: () => void;
  const done = new Promise<WsResult<T>[]>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          results.push(result as WsResult<T>);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(result as WsResult<T>)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(result as WsResult<T>);
            }
          }
        },
        error: reject,
        complete: () => resolve(results),
      },
    );
  });
  // Tests that only look at `results` must not trip over an unobserved rejection.
  done.catch(() => {});
  return {
    results,
    done,
    until: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = results.find(predicate);
        if (seen) return resolve(seen);
        waiters.push({ predicate, resolve });
        done.then(() => reject(new Error(`completed without a matching result: ${JSON.stringify(results)}`)), reject);
      }),
    stop: () => stop(),
  };
}

/** The errors of the `error` message that ended `operation`; fails if it completed without one, or is still running after `ms`. */
export async function endedWith(operation: WsOperation, ms = 10_000): Promise<NonNullable<WsResult['errors']>> {
  let timer: NodeJS.Timeout | undefined;
  const stillRunning = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms, having delivered ${JSON.stringify(operation.results)}`)), ms);
  });
  const ended = operation.done.then(
    (results) => {
      throw new Error(`completed without an error, having delivered ${JSON.stringify(results)}`);
    },
    (errors: NonNullable<WsResult['errors']>) => errors,
  );
  try {
    return await Promise.race([ended, stillRunning]);
  } finally {
    clearTimeout(timer);
  }
}
