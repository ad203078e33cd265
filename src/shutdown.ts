// Orderly shutdown of a gateway process. Whatever holds work or resources
// registers a hook under a phase; on SIGTERM the phases run in order, the hooks of
// one phase together:
//
//   stop-accepting  no new connections, jobs or subscriptions (HTTP listener, WebSocket server, job worker polling)
//   drain           let in-flight work finish: HTTP requests, job steps (bounded by the deadline)
//   flush           write out what is buffered in memory (usage counters)
//   disconnect      close clients: tenant pool, platform database, Redis, event bus
//   stop-databases  the embedded PostgreSQL, once nothing uses it
//
// A hook gets an AbortSignal that fires when the deadline has passed, so a drain
// can cut what is left (close the remaining connections) instead of waiting on.
// A hook that fails is logged and the shutdown goes on; one still running
// GRACE_MS after the deadline is given up on (a client waiting on a query that
// never ends must not keep the process alive).
import type { Logger } from './logger';

export const SHUTDOWN_PHASES = ['stop-accepting', 'drain', 'flush', 'disconnect', 'stop-databases'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

export type ShutdownHook = (deadline: AbortSignal) => void | Promise<void>;

const GRACE_MS = 5000;

export interface ShutdownReport {
  /** Hooks that threw, by name. */
  failed: string[];
  /** Whether the drain had to be cut at the deadline. */
  timedOut: boolean;
}

export class ShutdownRegistry {
  private readonly hooks: Array<{ phase: ShutdownPhase; name: string; hook: ShutdownHook }> = [];
  private running: Promise<ShutdownReport> | undefined;

  constructor(private readonly log: Logger) {}

  /** Registers `hook` to run in `phase`; `name` appears in the logs. */
  add(phase: ShutdownPhase, name: string, hook: ShutdownHook): void {
    this.hooks.push({ phase, name, hook });
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Runs every phase once; later calls get the same result. */
  run(deadlineMs: number): Promise<ShutdownReport> {
    return (this.running ??= this.runPhases(deadlineMs));
  }

  private async runPhases(deadlineMs: number): Promise<ShutdownReport> {
    const deadline = AbortSignal.timeout(deadlineMs);
    let giveUp: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'gave up'>((resolve) => {
      giveUp = setTimeout(() => resolve('gave up'), deadlineMs + GRACE_MS);
      giveUp.unref();
    });
    const failed: string[] = [];
    for (const phase of SHUTDOWN_PHASES) {
      const hooks = this.hooks.filter((h) => h.phase === phase);
      await Promise.all(
        hooks.map(async ({ name, hook }) => {
          try {
            if ((await Promise.race([hook(deadline), gaveUp])) === 'gave up') {
              failed.push(`${name} (still running after the deadline)`);
              this.log.error({ phase, hook: name }, 'shutdown step did not finish');
            }
          } catch (error) {
            failed.push(name);
            this.log.error({ err: error, phase, hook: name }, 'shutdown step failed');
          }
        }),
      );
      if (hooks.length) this.log.info({ phase, steps: hooks.map((h) => h.name) }, 'shutdown phase done');
    }
    clearTimeout(giveUp);
    return { failed, timedOut: deadline.aborted };
  }
}
