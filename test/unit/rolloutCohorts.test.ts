// Which tenants each cohort of a rollout takes: named ones, a share of the rest rounded
// up and picked the same way every time, then the rest.
import { randomUUID } from 'node:crypto';
import { assignCohorts } from '../../src/provisioning/rollouts/cohorts';

const fleet = Array.from({ length: 95 }, (_, i) => ({ id: randomUUID(), slug: `t-${i}` }));
const known = new Map(fleet.map((t) => [t.slug, t]));
const slugs = (cohort: Array<{ slug: string }>) => cohort.map((t) => t.slug);

test('named tenants first, then a share of those left (rounded up), then the rest; each tenant in one cohort', () => {
  const [canary, tenth, rest] = assignCohorts([{ name: 'canary', tenants: ['t-3', 't-7'] }, { name: 'tenth', percent: 10 }, { name: 'rest' }], fleet, known);
  expect(slugs(canary)).toEqual(['t-3', 't-7']);
  expect(tenth).toHaveLength(10); // 10% of the 93 left, rounded up
  expect(tenth).not.toEqual(expect.arrayContaining([known.get('t-3')]));
  expect(rest).toHaveLength(83);
  expect(new Set([...canary, ...tenth, ...rest].map((t) => t.id)).size).toBe(95);
});

test('the share is picked by a hash of the ids: the same fleet gives the same pick, whatever its order; not the first ones listed', () => {
  const pick = slugs(assignCohorts([{ name: 'a', percent: 20 }], fleet, known)[0]);
  const again = slugs(assignCohorts([{ name: 'a', percent: 20 }], [...fleet].reverse(), known)[0]);
  expect(new Set(again)).toEqual(new Set(pick));
  expect(pick).not.toEqual(slugs(fleet.slice(0, 19)));
  // 1% of a small fleet is still one tenant.
  expect(assignCohorts([{ name: 'one', percent: 1 }], fleet.slice(0, 5), known)[0]).toHaveLength(1);
});

test('tenants no cohort takes are left out; a named tenant need not be among the candidates (it is migrated anyway)', () => {
  const [named] = assignCohorts([{ name: 'only', tenants: ['t-1'] }], fleet.slice(50), known);
  expect(slugs(named)).toEqual(['t-1']);
});
