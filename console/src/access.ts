// Who may use the console, and for which tenants, as the policy decides
// (src/auth/policy.ts): platform admins see the fleet; a tenant's OWNERs and ADMINs
// their own tenants; everyone else is told why they see nothing.

export type Role = 'VIEWER' | 'MEMBER' | 'ADMIN' | 'OWNER';

export interface Me {
  email: string;
  isPlatformAdmin: boolean;
  memberships: Array<{ role: Role; tenant: { slug: string } }>;
}

export const ME = 'query ConsoleMe { me { email isPlatformAdmin memberships { role tenant { slug } } } }';

const MANAGERS: readonly Role[] = ['OWNER', 'ADMIN'];

export interface Access {
  admin: boolean;
  /** Slugs of the tenants the user manages (empty for platform admins: they see all). */
  managed: string[];
  roleIn(slug: string): Role | undefined;
}

export function accessOf(me: Me): Access {
  return {
    admin: me.isPlatformAdmin,
    managed: me.memberships.filter((m) => MANAGERS.includes(m.role)).map((m) => m.tenant.slug),
    roleIn: (slug) => me.memberships.find((m) => m.tenant.slug === slug)?.role,
  };
}

/** Whether the user may open the tenant in the console. */
export const mayOpen = (access: Access, slug: string) => access.admin || access.managed.includes(slug);

/** Why a user may not use the console, or null when they may. */
export function refusal(me: Me, access: Access): string | null {
  if (access.admin || access.managed.length) return null;
  const roles = me.memberships.map((m) => `${m.role} of ${m.tenant.slug}`).join(', ');
  return `The console is for platform admins and for the owners and admins of a tenant. You are ${roles || 'a member of no tenant'}: ask an owner for the ADMIN role, or read the tenant's data in GraphiQL.`;
}
