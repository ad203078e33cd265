// Which tenants each cohort of a rollout takes, decided once when it starts. In
// order: a cohort of named tenants takes those; a percentage takes that share of the
// tenants no earlier cohort took (rounded up, so 1% of a small fleet is still one
// tenant), picked by a hash of their ids: spread over servers, engines and sign-up
// dates, and the same pick for the same fleet; the rest takes everyone left, so it
// can only come last. Tenants no cohort takes are not part of the rollout.
import { createHash } from 'node:crypto';
import { badInput } from '../../errors';

export interface CohortSpec {
  name: string;
  /** Slugs. */
  tenants?: string[] | null;
  /** 1-100, of the tenants left by the cohorts before. */
  percent?: number | null;
}

export interface Candidate {
  id: string;
  slug: string;
}

const MAX_NAME = 40;

const spread = (id: string) => createHash('sha1').update(id).digest('hex');

/** The tenants of each cohort, in the cohorts' order; throws BAD_USER_INPUT naming what is wrong with `specs`. */
export function assignCohorts<T extends Candidate>(specs: CohortSpec[], candidates: T[], known: Map<string, T>): T[][] {
  if (specs.length === 0) throw badInput('a rollout needs at least one cohort', { field: 'cohorts' });
  const names = new Set<string>();
  const taken = new Set<string>();
  return specs.map((spec, i) => {
    const field = `cohorts.${i}`;
    const name = spec.name.trim();
    if (!name || name.length > MAX_NAME) throw badInput(`cohort ${i + 1}: a name of 1 to ${MAX_NAME} characters`, { field: `${field}.name` });
    if (names.has(name)) throw badInput(`two cohorts are named "${name}"`, { field: `${field}.name` });
    names.add(name);
    if (spec.tenants != null && spec.percent != null) throw badInput(`cohort "${name}": either tenants or percent, not both`, { field });
    let members: T[];
    if (spec.tenants != null) {
      if (spec.tenants.length === 0) throw badInput(`cohort "${name}": name at least one tenant, or leave tenants out for the rest`, { field: `${field}.tenants` });
      members = spec.tenants.map((slug) => {
        const tenant = known.get(slug);
        if (!tenant) throw badInput(`cohort "${name}": no tenant "${slug}"`, { field: `${field}.tenants` });
        if (taken.has(tenant.id)) throw badInput(`cohort "${name}": tenant "${slug}" is in an earlier cohort`, { field: `${field}.tenants` });
        return tenant;
      });
    } else {
      const left = candidates.filter((t) => !taken.has(t.id));
      if (spec.percent != null) {
        if (!Number.isInteger(spec.percent) || spec.percent < 1 || spec.percent > 100) throw badInput(`cohort "${name}": percent is a whole number from 1 to 100`, { field: `${field}.percent` });
        const keys = new Map(left.map((t) => [t.id, spread(t.id)]));
        members = left.sort((a, b) => keys.get(a.id)!.localeCompare(keys.get(b.id)!)).slice(0, Math.ceil((left.length * spec.percent) / 100));
      } else {
        if (i !== specs.length - 1) throw badInput(`cohort "${name}" takes the rest of the tenants, so it must be the last`, { field });
        members = left;
      }
    }
    for (const tenant of members) taken.add(tenant.id);
    return members;
  });
}
