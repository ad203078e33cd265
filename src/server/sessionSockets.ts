// The WebSockets each session has open on this process, so that a session that ends
// closes them: their running subscriptions stop with them, instead of streaming on
// for a session whose tokens are already refused.
import type { WebSocket } from 'ws';

/** Close code for "your session ended": 4401 (Unauthorized) in graphql-ws's 44xx range. */
export const SESSION_ENDED = 4401;

export class SessionSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();
  private readonly sessionOf = new Map<WebSocket, string>();

  add(sessionId: string, socket: WebSocket): void {
    let sockets = this.bySession.get(sessionId);
    if (!sockets) this.bySession.set(sessionId, (sockets = new Set()));
    sockets.add(socket);
    this.sessionOf.set(socket, sessionId);
  }

  remove(socket: WebSocket): void {
    const sessionId = this.sessionOf.get(socket);
    if (sessionId === undefined) return;
    this.sessionOf.delete(socket);
    const sockets = this.bySession.get(sessionId)!;
    sockets.delete(socket);
    if (sockets.size === 0) this.bySession.delete(sessionId);
  }

  close(sessionId: string, code: number, reason: string): void {
    for (const socket of this.bySession.get(sessionId) ?? []) socket.close(code, reason);
  }
}
