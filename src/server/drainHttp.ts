// Graceful close of the HTTP listener: stop accepting connections at once, let the
// requests in flight finish, close keep-alive connections as they fall idle, and
// cut whatever is still open when the deadline passes.
import type http from 'node:http';

export interface HttpDrain {
  stopAccepting(): void;
  /** Resolves when every connection is closed. */
  drain(deadline: AbortSignal): Promise<void>;
}

const SWEEP_MS = 100;

export function drainHttp(server: http.Server): HttpDrain {
  let closed: Promise<void> | undefined;
  const stopAccepting = () => {
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
  };
  return {
    stopAccepting,
    async drain(deadline) {
      stopAccepting();
      const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
      const cut = () => server.closeAllConnections();
      if (deadline.aborted) cut();
      else deadline.addEventListener('abort', cut, { once: true });
      try {
        await closed;
      } finally {
        clearInterval(sweep);
        deadline.removeEventListener('abort', cut);
      }
    },
  };
}
