// The jobs an operator looks at: failed ones first (they wait for someone), then the
// newest. Platform admins see every tenant's; anyone else the jobs of the tenants
// they may follow jobs in (jobAccess.ts), and naming another tenant is refused.
import { RULES, reachesEveryTenant } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { notFound } from '../errors';
import type { JobKind, JobStatus, Prisma, ProvisioningJob } from '../generated/platform/client';
import type { Services } from '../services';
import { assertFollowsJobs } from './jobAccess';

export interface JobFilter {
  status?: JobStatus | null;
  kind?: JobKind | null;
  /** A tenant's slug; none: every tenant the user may follow jobs in. */
  tenant?: string | null;
  first: number;
}

async function tenantScope(services: Pick<Services, 'platform' | 'memberships'>, user: UserPrincipal, slug: string | null | undefined): Promise<Prisma.ProvisioningJobWhereInput> {
  if (slug) {
    const tenant = await services.platform.tenant.findUnique({ where: { slug }, select: { id: true } });
    // Someone else's tenant looks exactly like a missing one.
    const role = tenant && !reachesEveryTenant(user) ? await services.memberships.roleOf(user.userId, tenant.id) : undefined;
    if (!tenant || (!role && !reachesEveryTenant(user))) throw notFound(`tenant "${slug}"`);
    assertFollowsJobs(user, role);
    return { tenantId: tenant.id };
  }
  if (reachesEveryTenant(user)) return {};
  return { tenant: { memberships: { some: { userId: user.userId, role: { in: [...RULES['jobs.follow'].roles] } } } } };
}

const WITH_TENANT = { tenant: { include: { plan: true } } } as const;

export async function listJobs(services: Pick<Services, 'platform' | 'memberships'>, user: UserPrincipal, filter: JobFilter): Promise<ProvisioningJob[]> {
  const where: Prisma.ProvisioningJobWhereInput = {
    ...(await tenantScope(services, user, filter.tenant)),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const newest = { createdAt: 'desc' } as const;
  const failed =
    !filter.status || filter.status === 'FAILED'
      ? await services.platform.provisioningJob.findMany({ where: { ...where, status: 'FAILED' }, orderBy: newest, take: filter.first, include: WITH_TENANT })
      : [];
  if (filter.status === 'FAILED' || failed.length >= filter.first) return failed;
  const others = await services.platform.provisioningJob.findMany({
    where: { ...where, status: filter.status ?? { not: 'FAILED' } },
    orderBy: newest,
    take: filter.first - failed.length,
    include: WITH_TENANT,
  });
  return [...failed, ...others];
}
