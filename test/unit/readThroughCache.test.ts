// The rules every cache of platform rows follows: shared reads, a key forgotten while
// it is read is read again for those waiting (never an error, never the old value),
// TTL 0 keeps nothing, a failed read is not kept.
import { ReadThroughCache } from '../../src/cache/readThroughCache';

/** A source whose reads finish when the test says, each returning the source's value at that moment. */
function slowSource() {
  let value = 'v1';
  const pending: Array<() => void> = [];
  const reads: string[] = [];
  return {
    set: (next: string) => (value = next),
    reads,
    pending,
    read: (key: string) =>
      new Promise<string>((resolve) => {
        reads.push(key);
        pending.push(() => resolve(`${key}=${value}`));
      }),
    /** Finishes the reads begun so far. */
    finish: async () => {
      for (const done of pending.splice(0)) done();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

test('concurrent misses of a key share one read, and the value is kept', async () => {
  const source = slowSource();
  const cache = new ReadThroughCache({ ttlMs: 60_000, max: 10, read: source.read });
  const waiting = Promise.all([cache.get('a'), cache.get('a'), cache.get('a')]);
  await source.finish();
  expect(await waiting).toEqual(['a=v1', 'a=v1', 'a=v1']);
  expect(await cache.get('a')).toBe('a=v1');
  expect(source.reads).toEqual(['a']);
});

test.each([
  ['invalidated', (cache: ReadThroughCache<string>) => cache.invalidate('a')],
  ['cleared', (cache: ReadThroughCache<string>) => cache.clear()],
])('a key %s while it is read: those waiting get it read again after the change, and the old value is not kept', async (_how, forget) => {
  const source = slowSource();
  const cache = new ReadThroughCache({ ttlMs: 60_000, max: 10, read: source.read });
  const before = [cache.get('a'), cache.get('a')];
  // The change commits while the read is running, then is announced.
  source.set('v2');
  forget(cache);
  const after = cache.get('a');
  await source.finish(); // the first read ends with what it read before the change
  await source.finish(); // the read begun after the change
  expect(await Promise.all([...before, after])).toEqual(['a=v2', 'a=v2', 'a=v2']);
  expect(await cache.get('a')).toBe('a=v2');
  expect(source.reads).toEqual(['a', 'a']);
});

test('TTL 0 keeps nothing: every lookup reads', async () => {
  const source = slowSource();
  const cache = new ReadThroughCache({ ttlMs: 0, max: 10, read: source.read });
  const both = Promise.all([cache.get('a'), cache.get('a')]);
  await source.finish();
  expect(await both).toEqual(['a=v1', 'a=v1']);
  const third = cache.get('a');
  await source.finish();
  await third;
  expect(source.reads).toEqual(['a', 'a', 'a']);
  expect(cache.peek('a')).toBeUndefined();
});

test('a failed read fails those waiting on it and is not kept; "none" is a value like any other', async () => {
  let calls = 0;
  const cache = new ReadThroughCache<string | null>({
    ttlMs: 60_000,
    max: 10,
    read: async (key) => {
      calls++;
      if (calls === 1) throw new Error('database unavailable');
      return key === 'missing' ? null : key;
    },
  });
  await expect(Promise.all([cache.get('a'), cache.get('a')])).rejects.toThrow('database unavailable');
  expect(await cache.get('a')).toBe('a');
  expect(await cache.get('missing')).toBeNull();
  expect(await cache.get('missing')).toBeNull();
  expect(calls).toBe(3);
});
