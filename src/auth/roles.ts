import type { MemberRole } from '../generated/platform/client';

export type Access = 'read' | 'write' | 'admin';

const RANK: Record<MemberRole, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };
const NEEDED: Record<Access, number> = { read: RANK.VIEWER, write: RANK.MEMBER, admin: RANK.ADMIN };

/** VIEWER reads; MEMBER and up change tenant data; ADMIN and OWNER manage the tenant. */
export const allows = (role: MemberRole, access: Access) => RANK[role] >= NEEDED[access];
