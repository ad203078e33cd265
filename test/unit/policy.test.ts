// The access policy, walked cell by cell: every action for every role, for an API
// key of every role, for someone with no role, and for a platform admin. The table
// below is what each role may do, as docs/concepts.md states it.
import { RULES, authorize, may, reachesEveryTenant, refuseWhileSuspended, type Action } from '../../src/auth/policy';
import type { ApiKeyPrincipal, UserPrincipal } from '../../src/auth/principal';
import type { MemberRole } from '../../src/generated/platform/client';

const ROLES: MemberRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

// V M A O: whether a person of that role may; `keys`: whether an API key of that role may as well.
const TABLE: Record<Action, { roles: string; keys: boolean }> = {
  'data.read': { roles: 'V M A O', keys: true },
  'data.write': { roles: '. M A O', keys: true },
  'data.configure': { roles: '. . A O', keys: true },
  'records.read': { roles: '. . A O', keys: true },
  'billing.read': { roles: '. . A O', keys: false },
  'billing.change': { roles: '. . . O', keys: false },
  'apiKeys.manage': { roles: '. . A O', keys: false },
  'members.read': { roles: 'V M A O', keys: false },
  'members.manage': { roles: '. . A O', keys: false },
  'members.owners': { roles: '. . . O', keys: false },
  'jobs.follow': { roles: '. . A O', keys: false },
  'tenant.archive': { roles: '. . . O', keys: false },
  'tenant.restore': { roles: '. . . O', keys: false },
  'data.export': { roles: '. . A O', keys: false },
  'domains.manage': { roles: '. . . O', keys: false },
  'webhooks.manage': { roles: '. . A O', keys: false },
  'tenant.suspend': { roles: '. . . .', keys: false },
  'platform.manage': { roles: '. . . .', keys: false },
};

const person: UserPrincipal = { kind: 'user', userId: 'u', email: 'u@example.com', platformAdmin: false, sessionId: 's' };
const admin: UserPrincipal = { ...person, platformAdmin: true };
const key = (role: MemberRole): ApiKeyPrincipal => ({ kind: 'apiKey', keyId: 'k', tenantId: 't', role, label: 'tg_abc (sync)' });

test('the table names every action the policy knows', () => {
  expect(Object.keys(TABLE).sort()).toEqual(Object.keys(RULES).sort());
});

const cells = Object.entries(TABLE).flatMap(([action, { roles, keys }]) =>
  ROLES.map((role, i) => [action as Action, role, roles.split(' ')[i] !== '.', keys && roles.split(' ')[i] !== '.'] as const),
);

test.each(cells)('%s by a %s: person %s, API key %s', (action, role, byPerson, byKey) => {
  expect(may(person, role, action)).toBe(byPerson);
  expect(may(key(role), role, action)).toBe(byKey);
});

test.each(Object.keys(TABLE) as Action[])('%s: nobody without a role; every platform admin, with or without one', (action) => {
  expect(may(person, undefined, action)).toBe(false);
  expect(may(admin, undefined, action)).toBe(true);
  expect(may(admin, 'VIEWER', action)).toBe(true);
});

test('a refusal is FORBIDDEN and says who may, and an API key is told to sign in', () => {
  expect(() => authorize(person, 'ADMIN', 'billing.change')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' }, message: "only the tenant's owners may do this (your role: ADMIN)" }));
  expect(() => authorize(person, 'OWNER', 'platform.manage')).toThrow('only platform admins may do this');
  expect(() => authorize(key('OWNER'), 'OWNER', 'members.manage')).toThrow('an API key cannot do this: sign in as a user');
  expect(() => authorize(person, 'MEMBER', 'data.write')).not.toThrow();
});

test('a SUSPENDED tenant refuses every action but reading its billing, with TENANT_SUSPENDED and the reason; an ACTIVE one refuses none', () => {
  const suspended = { slug: 'late', status: 'SUSPENDED' as const, suspendedReason: 'unpaid since 2026-11-01' };
  const refused = (Object.keys(TABLE) as Action[]).filter((action) => {
    try {
      refuseWhileSuspended(suspended, action);
      return false;
    } catch (error) {
      expect(error).toMatchObject({ message: 'tenant "late" is suspended: unpaid since 2026-11-01', extensions: { code: 'TENANT_SUSPENDED', reason: 'unpaid since 2026-11-01' } });
      return true;
    }
  });
  expect(Object.keys(TABLE).filter((action) => !refused.includes(action as Action))).toEqual(['billing.read']);
  for (const action of Object.keys(TABLE) as Action[]) expect(() => refuseWhileSuspended({ ...suspended, status: 'ACTIVE' }, action)).not.toThrow();
});

test('only platform admins reach every tenant: not a person of any role, not an API key, not an anonymous caller', () => {
  expect([admin, person, key('OWNER'), null].map(reachesEveryTenant)).toEqual([true, false, false, false]);
});
