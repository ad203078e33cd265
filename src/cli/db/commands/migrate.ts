// `db migrate`: the platform database first (migrations and plans), then the tenants
// by a rollout, the same the API starts (src/provisioning/rollouts/): every tenant
// behind this release's version, `--canary` ones first, at most `--concurrency` per
// database server, halting at the first failure beyond `--max-failures`. The command
// runs a worker for it, so it is driven whether or not a gateway is up (by whichever
// takes it first), and follows it to the end, a line per tenant. `--resume` takes the
// halted rollout up again once its cause is fixed; a rollout running already (say, a
// command interrupted before) is joined rather than refused.
import { setTimeout as sleep } from 'node:timers/promises';
import { preparePlatformDatabase } from '../../../provisioning/platformDatabase';
import { startRolloutRunner } from '../../../provisioning/jobs/jobWorker';
import { resumeRollout } from '../../../provisioning/rollouts/rolloutControl';
import { startRollout } from '../../../provisioning/rollouts/startRollout';
import type { Services } from '../../../services';
import { announcePlansWritten } from '../../../tenancy/tenantChanges';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks, type TaskResult } from '../tasks';

export interface MigrateOptions {
  concurrency: number;
  maxFailures: number;
  /** Slugs migrated first, as a cohort of their own. */
  canary: string[];
  resume: boolean;
}

const appliedText = (applied: string[]) => (applied.length ? `applied ${applied.join(', ')}` : 'up to date');

const FOLLOW_EVERY_MS = 250;

export async function migrate(ctx: DbContext, options: MigrateOptions): Promise<Outcome> {
  const platform = await runTasks('platform', [ctx.platformUrl], { concurrency: 1, progress: ctx.progress, name: () => 'platform' }, async (url) =>
    appliedText(await preparePlatformDatabase(url, ctx.log)),
  );
  if (!platform[0].ok) return { results: platform };

  const services = ctx.services();
  // It wrote the plan catalogue too: running gateways read their tenants' plans again.
  await announcePlansWritten(services);
  const { rollout, done } = await rolloutToFollow(services, options);
  const runner = await startRolloutRunner(services, ctx.platformUrl);
  try {
    const followed = await follow(ctx, services, rollout.id, done);
    return { lines: followed.lines, results: [...platform, ...followed.results] };
  } finally {
    await runner.stop();
  }
}

/** The tenants a rollout has migrated so far: a resumed or joined one is followed from there. */
async function migratedBy(services: Services, rolloutId: string): Promise<Set<string>> {
  const rows = await services.platform.rolloutTenant.findMany({ where: { rolloutId, status: 'SUCCEEDED' }, select: { tenantId: true } });
  return new Set(rows.map((t) => t.tenantId));
}

/**
 * `--resume`: the halted rollout, taken up again. Otherwise one running already (a
 * gateway's, or an earlier command's that was interrupted) is joined: this command's
 * worker drives it if nothing else does. Else a new one.
 */
async function rolloutToFollow(services: Services, options: MigrateOptions) {
  const { platform } = services;
  if (options.resume) {
    const halted = await platform.rollout.findFirst({ where: { status: 'HALTED' } });
    if (!halted) throw new Error('no rollout is halted: nothing to resume');
    const done = await migratedBy(services, halted.id);
    return { rollout: await resumeRollout(services, null, halted.id), done };
  }
  const running = await platform.rollout.findFirst({ where: { status: 'RUNNING' } });
  if (running) return { rollout: running, done: await migratedBy(services, running.id) };
  const rollout = await startRollout(services, null, {
    cohorts: options.canary.length ? [{ name: 'canary', tenants: options.canary }, { name: 'rest' }] : null,
    concurrencyPerServer: options.concurrency,
    maxFailures: options.maxFailures,
  });
  return { rollout, done: new Set<string>() };
}

/** Prints each tenant as it finishes (but those `done` before a resume), until the rollout stopped with none running; then what became of it. */
async function follow(ctx: DbContext, services: Services, rolloutId: string, done: Set<string>): Promise<Outcome> {
  const { platform } = services;
  const finishedTenants = () =>
    platform.rolloutTenant.findMany({
      where: { rolloutId, status: { in: ['SUCCEEDED', 'FAILED', 'SKIPPED'] } },
      select: { tenantId: true, status: true, detail: true, tenant: { select: { slug: true } } },
      orderBy: { finishedAt: 'asc' },
    });
  const seen = new Set(done);
  const results: TaskResult[] = [];
  const skipped: string[] = [];
  const total = (await platform.rolloutCohort.aggregate({ where: { rolloutId }, _sum: { total: true } }))._sum.total ?? 0;
  ctx.progress.start('migrate', total - seen.size);
  try {
    for (;;) {
      const rollout = await platform.rollout.findUniqueOrThrow({ where: { id: rolloutId } });
      for (const t of (await finishedTenants()).filter((f) => !seen.has(f.tenantId))) {
        seen.add(t.tenantId);
        const detail = t.detail ?? '';
        if (t.status === 'SKIPPED') skipped.push(`${t.tenant.slug} (${detail})`);
        else results.push({ item: t.tenant.slug, ok: t.status === 'SUCCEEDED', detail });
        ctx.progress.tick(t.tenant.slug, `${t.tenant.slug}: ${t.status === 'SUCCEEDED' ? detail : `${t.status} ${detail}`}`);
      }
      const running = await platform.rolloutTenant.count({ where: { rolloutId, status: 'RUNNING' } });
      if (rollout.status !== 'RUNNING' && running === 0) return { lines: closingLines(rollout, skipped, total - seen.size), results };
      await sleep(FOLLOW_EVERY_MS);
    }
  } finally {
    ctx.progress.stop();
  }
}

function closingLines(rollout: { id: string; status: string; error: string | null }, skipped: string[], notReached: number): string[] {
  const lines = [`rollout ${rollout.id}: ${rollout.status.toLowerCase()}`];
  if (rollout.status === 'HALTED') lines.push(`halted at ${rollout.error}; ${notReached} tenants not reached. Fix the cause, then: npm run db -- migrate --resume`);
  if (skipped.length) lines.push(`skipped: ${skipped.join(', ')}`);
  return lines;
}
