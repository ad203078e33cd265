// An export runs in a gateway process that serves requests too, and every millisecond it
// spends turning rows into an archive is one a request waits for. So while requests are
// in flight it keeps to a share of the process's time, as a vacuum keeps to its cost
// limit: after each page of rows it rests in proportion to the time the page took. With
// nothing else to do it runs at full speed.

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
