// A job runs in a gateway process that serves requests too (an export turning rows into
// an archive, a rollout migrating tenants), and every millisecond it spends is one a
// request may wait for, in the process or on the database server. So while requests are
// in flight it keeps to a share of the time, as a vacuum keeps to its cost limit: after
// each piece of work (a page of rows, a tenant) it rests in proportion to the time the
// piece took. With nothing else to do it runs at full speed. Work done by n workers at
// once paces each with share / n.

/** Called between pages of work; rests while `busy()` so that work takes at most `share` of the time. */
export type Pace = () => Promise<void>;

export function pacing(busy: () => boolean, share: number): Pace {
  let since = performance.now();
  return async () => {
    const worked = performance.now() - since;
    if (share < 1 && busy()) await new Promise((resolve) => setTimeout(resolve, worked * (1 / share - 1)));
    since = performance.now();
  };
}

/** For work that need not give way (tests, a process that serves nothing). */
export const unpaced: Pace = async () => {};
