// One contract, two event buses: in-process (one gateway process) and Redis (many).
// Both deliver JSON payloads in order to every listener of a channel, from the
// moment subscribe() resolves, and leave nothing behind when listeners leave.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { EventBus } from '../../src/events/eventBus';
import { InProcessEventBus } from '../../src/events/inProcessEventBus';
import { RedisEventBus } from '../../src/events/redisEventBus';
import { createLogger } from '../../src/logger';
import { eventually } from '../support/eventually';
import { startKillableRedis, startTestRedis, type TestRedis } from '../support/redis';

const log = createLogger('silent');
let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(() => redis.stop());

interface BusUnderTest {
  /** Two handles on one bus: for Redis, two processes' worth of connections. */
  publisher: EventBus;
  subscriber: EventBus;
  /** Subscribers of a channel at the transport (Redis: PUBSUB NUMSUB); in-process: listeners. */
  transportSubscribers(channel: string): Promise<number>;
  close(): Promise<void>;
}

const kinds: Array<[string, () => BusUnderTest]> = [
  [
    'in-process',
    () => {
      const bus = new InProcessEventBus(log);
      return { publisher: bus, subscriber: bus, transportSubscribers: async (c) => bus.listenerCount(c), close: () => bus.close() };
    },
  ],
  [
    'redis',
    () => {
      const redisUrl = redis.url;
      const prefix = `test:${randomBytes(4).toString('hex')}:`;
      const publisher = new RedisEventBus({ url: redisUrl, prefix, log });
      const subscriber = new RedisEventBus({ url: redisUrl, prefix, log });
      const admin = new Redis(redisUrl);
      return {
        publisher,
        subscriber,
        transportSubscribers: async (channel) => {
          const [, count] = (await admin.pubsub('NUMSUB', prefix + channel)) as [string, number];
          return Number(count);
        },
        close: async () => {
          await Promise.all([publisher.close(), subscriber.close()]);
          await admin.quit();
        },
      };
    },
  ],
];

describe.each(kinds)('%s event bus', (_kind, make) => {
  let bus: BusUnderTest;
  beforeEach(() => {
    bus = make();
  });
  afterEach(() => bus.close());

  /** Collects what a channel delivers. */
  const listen = async (channel: string) => {
    const received: unknown[] = [];
    const unsubscribe = await bus.subscriber.subscribe(channel, (payload) => received.push(payload));
    return { received, unsubscribe };
  };

  test('delivers every payload published after subscribe resolves, in order, as JSON', async () => {
    const { received } = await listen('orders');
    const at = new Date('2030-01-02T03:04:05.000Z');
    for (let i = 1; i <= 20; i++) await bus.publisher.publish('orders', { i, at });
    await eventually(() => received.length === 20);
    expect(received).toEqual(Array.from({ length: 20 }, (_, k) => ({ i: k + 1, at: at.toISOString() })));
  });

  test('a listener hears its own channel only', async () => {
    const a = await listen('a');
    const b = await listen('b');
    await bus.publisher.publish('a', 'for a');
    await bus.publisher.publish('b', 'for b');
    await eventually(() => a.received.length === 1 && b.received.length === 1);
    expect([a.received, b.received]).toEqual([['for a'], ['for b']]);
  });

  test('every listener of a channel hears it; one that throws does not silence the others', async () => {
    const first = await listen('shared');
    await bus.subscriber.subscribe('shared', () => {
      throw new Error('a broken listener');
    });
    const third = await listen('shared');
    await bus.publisher.publish('shared', 42);
    await eventually(() => first.received.length === 1 && third.received.length === 1);
    expect(bus.subscriber.listenerCount('shared')).toBe(3);
    // Many local listeners share one subscription at the transport.
    expect(await bus.transportSubscribers('shared')).toBe(bus.subscriber === bus.publisher ? 3 : 1);
  });

  test('once the last listener leaves, nothing is left subscribed', async () => {
    const one = await listen('leaving');
    const two = await listen('leaving');
    expect(await bus.transportSubscribers('leaving')).toBeGreaterThan(0);
    one.unsubscribe();
    one.unsubscribe(); // twice is harmless
    expect(bus.subscriber.listenerCount('leaving')).toBe(1);
    two.unsubscribe();
    expect(bus.subscriber.listenerCount('leaving')).toBe(0);
    expect(bus.subscriber.listenerCount()).toBe(0);
    await eventually(async () => (await bus.transportSubscribers('leaving')) === 0);

    await bus.publisher.publish('leaving', 'after');
    const later = await listen('other');
    await bus.publisher.publish('other', 'marker');
    await eventually(() => later.received.length === 1);
    expect([one.received, two.received]).toEqual([[], []]);
  });

  test('a channel left and joined again at once stays subscribed', async () => {
    const first = await listen('rejoin');
    first.unsubscribe();
    const second = await listen('rejoin');
    await bus.publisher.publish('rejoin', 'still here');
    await eventually(() => second.received.length === 1);
    expect(await bus.transportSubscribers('rejoin')).toBe(1);
  });
});

test('on Redis, a message that is not JSON (anyone may publish on a channel) is dropped and the channel keeps working', async () => {
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const bus = new RedisEventBus({ url: redis.url, prefix, log });
  const raw = new Redis(redis.url);
  try {
    const received: unknown[] = [];
    await bus.subscribe('noisy', (payload) => received.push(payload));
    await raw.publish(`${prefix}noisy`, 'not json');
    await bus.publish('noisy', 'fine');
    await eventually(() => received.length === 1);
    expect(received).toEqual(['fine']);
  } finally {
    await raw.quit();
    await bus.close();
  }
});

test('on Redis, an outage fails no subscribe, and once Redis is back every channel is joined again and told it may have missed events', async () => {
  const own = await startKillableRedis();
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const subscriber = new RedisEventBus({ url: own.url, prefix, log });
  const publisher = new RedisEventBus({ url: own.url, prefix, log });
  try {
    const received: Record<string, unknown[]> = { before: [], during: [] };
    let gaps = 0;
    await subscriber.subscribe('before', (payload) => received.before.push(payload), () => gaps++);
    await own.kill();
    // A publish that cannot reach Redis does not fail, and a listener on the same process still hears it.
    await subscriber.publish('before', 'not through Redis');
    await subscriber.subscribe('during', (payload) => received.during.push(payload));
    expect(gaps).toBe(0);

    await own.restart();
    await eventually(() => gaps === 1);
    await eventually(async () => {
      // Until the publisher has reconnected too, these reach no other process.
      await publisher.publish('before', 'b');
      await publisher.publish('during', 'd');
      return received.before.includes('b') && received.during.includes('d');
    });
    expect(received.before[0]).toBe('not through Redis');
  } finally {
    await Promise.all([subscriber.close(), publisher.close()]);
    await own.stop();
  }
});
