// The event bus of a single gateway process (no REDIS_URL): events reach the
// listeners of this process only, synchronously and in order, and none is ever lost
// (so `onGap` is never called).
import type { Logger } from '../logger';
import type { EventBus, Listener, Unsubscribe } from './eventBus';
import { ListenerRegistry } from './listenerRegistry';

export class InProcessEventBus implements EventBus {
  private readonly listeners: ListenerRegistry;

  constructor(log: Logger) {
    this.listeners = new ListenerRegistry((err, channel) => log.error({ err, channel }, 'an event listener failed'));
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    // Through JSON, so listeners see exactly what they would see from Redis.
    this.listeners.deliver(channel, JSON.stringify(payload));
  }

  async subscribe(channel: string, listener: Listener): Promise<Unsubscribe> {
    // A listener of its own per subscription: the same function may subscribe twice.
    const own: Listener = (payload) => listener(payload);
    this.listeners.add(channel, own);
    return () => void this.listeners.remove(channel, own);
  }

  listenerCount(channel?: string): number {
    return this.listeners.count(channel);
  }

  async close(): Promise<void> {}
}
