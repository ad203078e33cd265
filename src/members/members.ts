// A tenant's people as the API shows them: who they are, their role, when they last signed in.
import type { Membership, User } from '../generated/platform/client';

export const withUser = { user: true } as const;

export function asMember(membership: Membership & { user: User }) {
  const { user } = membership;
  return {
    id: membership.id,
    userId: membership.userId,
    tenantId: membership.tenantId,
    name: user.name,
    email: user.email,
    role: membership.role,
    status: 'ACTIVE' as const,
    joinedAt: membership.createdAt,
    lastSignInAt: user.lastSignInAt,
  };
}
