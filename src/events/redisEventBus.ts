// The event bus of a deployment with many gateway processes: Redis pub/sub through
// ioredis. One connection publishes; one shared connection subscribes for the whole
// process, to a Redis channel only while this process has a listener on it.
//
// A Redis outage never fails or holds up a caller (redisConnection.ts): a publish
// reaches this process's own listeners only, and a subscription made while Redis is
// away starts at once; when Redis is back every channel this process listens on is
// joined again, and its listeners are told (`onGap`) that they may have missed
// events from the other processes, so they read the state they follow again.
import { occasionalWarning, type Logger } from '../logger';
import { connectRedis, type RedisConnection } from '../redisConnection';
import type { EventBus, Listener, Unsubscribe } from './eventBus';
import { ListenerRegistry } from './listenerRegistry';

export interface RedisEventBusOptions {
  url: string;
  /** Prepended to every channel, so deployments sharing a Redis stay apart. */
  prefix: string;
  log: Logger;
}

export class RedisEventBus implements EventBus {
  // Before its first connection attempt is over a connection refuses commands only
  // because the process has just started: a publish or subscribe waits for that, not for an outage.
  private readonly publisher: RedisConnection;
  private readonly subscriber: RedisConnection;
  private readonly listeners: ListenerRegistry;
  /** The SUBSCRIBE of each channel, until Redis confirms it; later listeners wait on the same one. */
  private readonly subscribing = new Map<string, Promise<void>>();
  /** The `onGap` of each listener that gave one. */
  private readonly gapHandlers = new Map<Listener, () => void>();
  /** The subscriber connection was lost (or never made) since it was last ready: events may have been missed. */
  private lostConnection = false;
  private readonly prefix: string;
  private readonly log: Logger;
  /** Every event published during an outage would say so: once a minute says as much. */
  private readonly warn: (error: unknown, message: string) => void;

  constructor({ url, prefix, log }: RedisEventBusOptions) {
    this.prefix = prefix;
    this.log = log;
    this.warn = occasionalWarning(log);
    this.publisher = connectRedis(url, { name: 'tenantgraph:publish', log });
    this.subscriber = connectRedis(url, { name: 'tenantgraph:subscribe', log, subscriber: true });
    this.listeners = new ListenerRegistry((err, channel) => log.error({ err, channel }, 'an event listener failed'));
    this.subscriber.redis.on('message', (channel: string, message: string) => this.listeners.deliver(channel, message));
    this.subscriber.redis.on('close', () => (this.lostConnection = true));
    this.subscriber.redis.on('ready', () => void this.rejoin());
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const message = JSON.stringify(payload);
    try {
      await this.publisher.attempted;
      await this.publisher.redis.publish(this.prefix + channel, message);
    } catch (error) {
      // Through Redis this process's own listeners would have heard it: they still do.
      this.listeners.deliver(this.prefix + channel, message);
      this.warn(error, 'Redis unreachable: events reach the listeners of this process only');
    }
  }

  async subscribe(channel: string, listener: Listener, onGap?: () => void): Promise<Unsubscribe> {
    const key = this.prefix + channel;
    const own: Listener = (payload) => listener(payload);
    if (onGap) this.gapHandlers.set(own, onGap);
    if (this.listeners.add(key, own)) this.subscribing.set(key, this.subscriber.attempted.then(() => this.join([key])));
    await this.subscribing.get(key);
    let active = true;
    return () => {
      if (active) this.remove(key, own);
      active = false;
    };
  }

  /** A new connection (the first, or after an outage) has no channels yet; what was published meanwhile is lost. */
  private async rejoin(): Promise<void> {
    await this.join(this.listeners.channels());
    if (!this.lostConnection) return;
    this.lostConnection = false;
    for (const onGap of [...this.gapHandlers.values()]) {
      try {
        onGap();
      } catch (err) {
        this.log.error({ err }, 'an event listener failed to catch up');
      }
    }
  }

  /** SUBSCRIBEs when Redis is there, and never fails: otherwise the channels are joined when it is back ('ready'). */
  private async join(keys: string[]): Promise<void> {
    if (!keys.length || this.subscriber.redis.status !== 'ready') return;
    await this.subscriber.redis.subscribe(...keys).catch((err: Error) => this.log.warn({ err: err.message }, 'redis subscribe failed'));
  }

  private remove(key: string, listener: Listener): void {
    this.gapHandlers.delete(listener);
    if (!this.listeners.remove(key, listener)) return;
    this.subscribing.delete(key);
    // Commands on one connection run in order: a SUBSCRIBE sent after this one wins.
    // Without a connection there is nothing to leave: a new one joins only the channels listened to.
    if (this.subscriber.redis.status !== 'ready') return;
    this.subscriber.redis.unsubscribe(key).catch((err: Error) => this.log.warn({ err: err.message }, 'redis unsubscribe failed'));
  }

  listenerCount(channel?: string): number {
    return this.listeners.count(channel === undefined ? undefined : this.prefix + channel);
  }

  async close(): Promise<void> {
    await Promise.all([this.publisher.redis, this.subscriber.redis].map((c) => c.quit().catch(() => c.disconnect())));
  }
}
