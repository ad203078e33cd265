// PostGraphile 5 and Grafast 1 declare Node 22 and use one API Node 20 lacks,
// Promise.withResolvers; without it every query answers null. Loaded before them.
type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
const promise = Promise as unknown as { withResolvers?: WithResolvers };
promise.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const p = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise: p, resolve, reject };
};
