// The listeners of one process, by channel. Both event buses keep their listeners
// here; they differ only in how a payload travels between publish and delivery.
import type { Listener } from './eventBus';

export class ListenerRegistry {
  private readonly byChannel = new Map<string, Set<Listener>>();

  constructor(private readonly onListenerError: (error: unknown, channel: string) => void) {}

  /** Adds a listener; true when it is the channel's first. */
  add(channel: string, listener: Listener): boolean {
    const listeners = this.byChannel.get(channel);
    if (listeners) {
      listeners.add(listener);
      return false;
    }
    this.byChannel.set(channel, new Set([listener]));
    return true;
  }

  /** Removes a listener; true when it was the channel's last. */
  remove(channel: string, listener: Listener): boolean {
    const listeners = this.byChannel.get(channel);
    if (!listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    this.byChannel.delete(channel);
    return true;
  }

  /** Hands `message` (JSON) to each listener; one listener throwing does not keep it from the others. */
  deliver(channel: string, message: string): void {
    const listeners = this.byChannel.get(channel);
    if (!listeners) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch (error) {
      // Not ours (anyone can publish on a Redis channel): nothing to deliver.
      return this.onListenerError(error, channel);
    }
    for (const listener of [...listeners]) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(error, channel);
      }
    }
  }

  /** The channels with at least one listener. */
  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  count(channel?: string): number {
    if (channel !== undefined) return this.byChannel.get(channel)?.size ?? 0;
    let total = 0;
    for (const listeners of this.byChannel.values()) total += listeners.size;
    return total;
  }
}
