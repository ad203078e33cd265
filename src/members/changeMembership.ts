// Changing a member's role, removing a member, leaving a tenant. Each runs with the
// tenant's people locked (lockMembers), so a tenant always keeps an owner, and each
// is announced: the person's next request, on every gateway process, runs with the
// new role or none.
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { badInput, notFound } from '../errors';
import type { MemberRole, Membership, Prisma, User } from '../generated/platform/client';
import type { Services } from '../services';
import { announceMembershipChange, type Announcer } from '../tenancy/tenantChanges';
import { asMember, withUser } from './members';
import { lockMembers } from './lockMembers';
import type { Manager } from './manager';

type Tx = Prisma.TransactionClient;
type MemberRow = Membership & { user: User };
type ChangeServices = Pick<Services, 'platform'> & Announcer;

async function changeLocked<T>(services: ChangeServices, tenantId: string, userId: string, change: (tx: Tx, membership: MemberRow) => Promise<T>): Promise<T> {
  const result = await services.platform.$transaction(async (tx) => {
    await lockMembers(tx, tenantId);
    const membership = await tx.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } }, include: withUser });
    if (!membership) throw notFound('member');
    return change(tx, membership);
  });
  await announceMembershipChange(services, userId, tenantId);
  return result;
}

/** Refuses to take the OWNER role from the tenant's only owner. */
async function keepAnOwner(tx: Tx, membership: MemberRow, field?: string): Promise<void> {
  if (membership.role !== 'OWNER') return;
  const owners = await tx.membership.count({ where: { tenantId: membership.tenantId, role: 'OWNER' } });
  if (owners < 2) throw badInput('a tenant keeps at least one owner: make another member OWNER first', field ? { field } : {});
}

/** Only owners grant OWNER or touch an owner. Nobody changes their own role: one slip would lock them out. */
export function changeMemberRole(services: ChangeServices, by: Manager, userId: string, role: MemberRole) {
  if (userId === by.principal.userId) throw badInput('you cannot change your own role: another owner or admin can', { field: 'userId' });
  if (role === 'OWNER') authorize(by.principal, by.role, 'members.owners');
  return changeLocked(services, by.tenant.id, userId, async (tx, membership) => {
    if (membership.role === 'OWNER') authorize(by.principal, by.role, 'members.owners');
    if (role !== 'OWNER') await keepAnOwner(tx, membership, 'userId');
    return asMember(await tx.membership.update({ where: { id: membership.id }, data: { role }, include: withUser }));
  });
}

/** Only owners remove an owner. Answers with the membership as it was. */
export function removeMember(services: ChangeServices, by: Manager, userId: string) {
  return changeLocked(services, by.tenant.id, userId, async (tx, membership) => {
    if (membership.role === 'OWNER') authorize(by.principal, by.role, 'members.owners');
    await keepAnOwner(tx, membership, 'userId');
    await tx.membership.delete({ where: { id: membership.id } });
    return asMember(membership);
  });
}

/** The caller leaves the tenant. Answers with the membership as it was. */
export function leaveTenant(services: ChangeServices, principal: UserPrincipal, tenantId: string) {
  return changeLocked(services, tenantId, principal.userId, async (tx, membership) => {
    await keepAnOwner(tx, membership);
    await tx.membership.delete({ where: { id: membership.id } });
    return asMember(membership);
  });
}
