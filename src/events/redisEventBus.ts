// The event bus of a deployment with many gateway processes: Redis pub/sub through
// ioredis. One connection publishes; one shared connection subscribes for the whole
// process, to a Redis channel only while this process has a listener on it.
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { EventBus, Listener, Unsubscribe } from './eventBus';
import { ListenerRegistry } from './listenerRegistry';

export interface RedisEventBusOptions {
  url: string;
  /** Prepended to every channel, so deployments sharing a Redis stay apart. */
  prefix: string;
  log: Logger;
}

export class RedisEventBus implements EventBus {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners: ListenerRegistry;
  /** The SUBSCRIBE of each channel, until Redis confirms it; later listeners wait on the same one. */
  private readonly subscribing = new Map<string, Promise<unknown>>();
  private readonly prefix: string;
  private readonly log: Logger;

  constructor({ url, prefix, log }: RedisEventBusOptions) {
    this.prefix = prefix;
    this.log = log;
    // A publish fails fast when Redis is away instead of holding up the job that reports.
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, connectionName: 'tenantgraph:publish' });
    this.subscriber = new Redis(url, { connectionName: 'tenantgraph:subscribe' });
    for (const connection of [this.publisher, this.subscriber]) {
      // Without a listener ioredis prints connection errors itself; it reconnects either way.
      connection.on('error', (err: Error) => log.warn({ err: err.message }, 'redis event bus connection error'));
    }
    this.listeners = new ListenerRegistry((err, channel) => log.error({ err, channel }, 'an event listener failed'));
    this.subscriber.on('message', (channel: string, message: string) => this.listeners.deliver(channel, message));
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(payload));
  }

  async subscribe(channel: string, listener: Listener): Promise<Unsubscribe> {
    const key = this.prefix + channel;
    const own: Listener = (payload) => listener(payload);
    if (this.listeners.add(key, own)) this.subscribing.set(key, this.subscriber.subscribe(key));
    try {
      await this.subscribing.get(key);
    } catch (error) {
      this.remove(key, own);
      throw error;
    }
    let active = true;
    return () => {
      if (active) this.remove(key, own);
      active = false;
    };
  }

  private remove(key: string, listener: Listener): void {
    if (!this.listeners.remove(key, listener)) return;
    this.subscribing.delete(key);
    // Commands on one connection run in order: a SUBSCRIBE sent after this one wins.
    this.subscriber.unsubscribe(key).catch((err: Error) => this.log.warn({ err: err.message }, 'redis unsubscribe failed'));
  }

  listenerCount(channel?: string): number {
    return this.listeners.count(channel === undefined ? undefined : this.prefix + channel);
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher, this.subscriber].map((c) => c.quit().catch(() => c.disconnect())));
  }
}
