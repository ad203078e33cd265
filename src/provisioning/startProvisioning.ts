// createTenant: the tenant (PROVISIONING), its owner, its subscription and its
// provisioning job, all in one platform transaction. The job runs on whichever
// gateway process's worker takes it first.
import { z } from 'zod';
import { badInput } from '../errors';
import { Prisma } from '../generated/platform/client';
import type { UserPrincipal } from '../schema/context';
import { parseInput } from '../domain/validate';
import type { Services } from '../services';
import { createTenantRecord } from './createTenantRecord';
import { createJob } from './jobs/jobQueue';

const CreateTenantInput = z.object({
  slug: z.string(),
  name: z.string(),
  plan: z
    .string()
    .nullish()
    .transform((plan) => plan ?? 'free'),
  isolation: z
    .enum(['DATABASE', 'SCHEMA'])
    .nullish()
    .transform((isolation) => isolation ?? 'DATABASE'),
  external: z.object({ url: z.string() }).nullish(),
});

/** Checks the customer's database URL and seals it; errors never repeat it (it holds a password). */
function sealExternalUrl(services: Services, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('external.url is not a URL', { field: 'external.url' });
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw badInput('external.url must be a postgresql:// URL', { field: 'external.url' });
  }
  if (!parsed.hostname || parsed.pathname.length < 2) {
    throw badInput('external.url must name a host and a database', { field: 'external.url' });
  }
  return services.secrets.encrypt(url);
}

export async function startProvisioning(services: Services, owner: UserPrincipal, raw: z.input<typeof CreateTenantInput>) {
  const input = parseInput(CreateTenantInput, raw);
  if (input.external && input.isolation === 'SCHEMA') {
    throw badInput('a database you bring holds one tenant: use DATABASE isolation', { field: 'isolation' });
  }
  const externalUrlCipher = input.external ? sealExternalUrl(services, input.external.url) : undefined;
  try {
    return await services.platform.$transaction(async (tx) => {
      const { id } = await createTenantRecord(tx, {
        slug: input.slug,
        name: input.name,
        isolation: input.isolation,
        planCode: input.plan,
        ownerId: owner.userId,
        externalUrlCipher,
      });
      const job = await createJob(tx, id, 'PROVISION', { maxAttempts: services.config.jobs.maxAttempts, message: 'waiting for a worker' });
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id }, include: { plan: true } });
      return { tenant, job: { ...job, tenant } };
    });
  } catch (error) {
    // Two creates of one slug at once both pass the check; the unique index picks one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw badInput(`slug "${input.slug}" is taken`, { field: 'slug' });
    }
    throw error;
  }
}
