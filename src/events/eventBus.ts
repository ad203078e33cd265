// Publish/subscribe between the parts of a deployment: a job running in one gateway
// process reports progress to a client connected to another, and a tenant changed
// in one process is forgotten by every process's cache.
//
// Payloads are JSON: what a listener receives is what JSON.parse gives back, on
// every implementation (Dates arrive as ISO strings).

export type Listener = (payload: unknown) => void;

/** Stops the listener; calling it again does nothing. */
export type Unsubscribe = () => void;

export interface EventBus {
  /**
   * Delivers `payload` to every listener of `channel`, in this process and (on Redis)
   * in every other one that can be reached: a Redis outage does not fail it.
   */
  publish(channel: string, payload: unknown): Promise<void>;
  /**
   * Calls `listener` with every payload published on `channel` from the moment the
   * returned promise resolves: a caller that subscribes, then reads the current
   * state, misses nothing in between. Should payloads be lost even so (Redis was away
   * and is back), `onGap` is called: a listener that must not miss a change reads
   * the state it follows again then.
   */
  subscribe(channel: string, listener: Listener, onGap?: () => void): Promise<Unsubscribe>;
  /** Listeners this process has on `channel` (all channels when omitted). */
  listenerCount(channel?: string): number;
  close(): Promise<void>;
}
