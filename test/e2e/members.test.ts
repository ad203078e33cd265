// A tenant's people over real HTTP: who they are, inviting (mailed over real SMTP,
// the token kept only as a hash), accepting, changing roles, removing and leaving,
// and every refusal: who may, OWNER kept to owners, the last owner kept, and a bad
// token answered the same whatever is wrong with it.
import { createHash } from 'node:crypto';
import { announceMembershipChange } from '../../src/tenancy/tenantChanges';
import { freePort } from '../support/gatewayProcess';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';
import { startTestGateway, TEST_PASSWORD, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const MEMBERS = '{ members { nodes { id userId name email role status joinedAt lastSignInAt } } }';
const INVITE = `mutation($email: String!, $role: MemberRole!) {
  inviteMember(email: $email, role: $role) { token mailed invitation { id tenantId email role invitedById createdAt expiresAt acceptedAt revokedAt } }
}`;
const INVITATIONS = '{ invitations { nodes { id email role } } }';
const REVOKE = 'mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }';
const ACCEPT = 'mutation($token: String!) { acceptInvitation(token: $token) { member { userId role tenantId } tenant { slug } } }';
const CHANGE_ROLE = 'mutation($userId: ID!, $role: MemberRole!) { changeMemberRole(userId: $userId, role: $role) { userId role } }';
const REMOVE = 'mutation($userId: ID!) { removeMember(userId: $userId) { userId role } }';
const LEAVE = 'mutation { leaveTenant { userId role } }';
const PRODUCTS = '{ products { totalCount } }';

const DAY = 86_400_000;

let smtp: TestSmtpServer;
let gw: TestGateway;
let owner: TestUser;
let admin: TestUser;
let member: TestUser;
let viewer: TestUser;
let platformAdmin: TestUser;

beforeAll(async () => {
  smtp = await startSmtpServer();
  gw = await startTestGateway({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://books.example.com', INVITATION_TTL_DAYS: '3' } });
  [owner, admin, member, viewer, platformAdmin] = await Promise.all([
    gw.createUser(),
    gw.createUser(),
    gw.createUser(),
    gw.createUser(),
    gw.createUser({ platformAdmin: true }),
  ]);
  await gw.createTenant({ slug: 'team', owner, members: [[admin, 'ADMIN'], [member, 'MEMBER'], [viewer, 'VIEWER']] });
  await gw.createTenant({ slug: 'elsewhere', owner });
});
afterAll(async () => {
  await gw.close();
  await smtp.close();
});

const as = (user: TestUser, query: string, variables: Record<string, unknown> = {}, tenant: string | undefined = 'team') =>
  gw.request(query, { token: user.token, tenant, variables });
const errorOf = (response: GraphQLResponse) => response.body.errors?.[0].extensions;
const codeOf = (response: GraphQLResponse) => errorOf(response)?.code ?? 'ok';

let people = 0;
/** Someone with an account, not yet in any tenant. */
const newcomer = () => gw.createUser({ email: `newcomer${++people}@example.com` });

async function invite(email: string, role = 'MEMBER', by: TestUser = owner, tenant = 'team') {
  const response = await as(by, INVITE, { email, role }, tenant);
  expect(response.body.errors).toBeUndefined();
  return response.body.data.inviteMember as { token: string; mailed: boolean; invitation: Record<string, any> };
}

async function join(user: TestUser, role: string) {
  const { token } = await invite(user.email, role);
  expect(codeOf(await as(user, ACCEPT, { token }, undefined))).toBe('ok');
}

const roleIn = async (user: TestUser, tenant = 'team') =>
  (await gw.services.platform.membership.findFirst({ where: { userId: user.id, tenant: { slug: tenant } } }))?.role ?? null;

test('every member sees who is in the tenant, with role, status and last sign-in', async () => {
  await gw.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { variables: { e: admin.email, p: TEST_PASSWORD } });
  // Made as the demo seed makes its people: never signed in.
  const seeded = await gw.services.platform.user.create({ data: { email: `seeded${Date.now()}@example.com`, name: 'seeded', passwordHash: 'x' } });
  const team = (await gw.services.registry.find('team'))!;
  await gw.services.platform.membership.create({ data: { userId: seeded.id, tenantId: team.id, role: 'VIEWER' } });
  const response = await as(viewer, MEMBERS);
  expect(response.body.errors).toBeUndefined();
  const members = response.body.data.members.nodes as Array<Record<string, any>>;
  expect(members.slice(0, 4).map((m) => [m.userId, m.email, m.role, m.status])).toEqual([
    [owner.id, owner.email, 'OWNER', 'ACTIVE'],
    [admin.id, admin.email, 'ADMIN', 'ACTIVE'],
    [member.id, member.email, 'MEMBER', 'ACTIVE'],
    [viewer.id, viewer.email, 'VIEWER', 'ACTIVE'],
  ]);
  expect(Date.now() - Date.parse(members[1].lastSignInAt)).toBeLessThan(60_000);
  expect(members.find((m) => m.userId === seeded.id)).toMatchObject({ role: 'VIEWER', lastSignInAt: null });
  // Not a member: the tenant looks like it does not exist. An API key is not a person.
  expect(codeOf(await as(viewer, MEMBERS, {}, 'elsewhere'))).toBe('TENANT_NOT_FOUND');
  const key = (await as(owner, 'mutation { createApiKey(name: "k", role: ADMIN) { key } }')).body.data.createApiKey.key;
  expect(codeOf(await gw.request(MEMBERS, { headers: { 'x-api-key': key } }))).toBe('FORBIDDEN');
});

test('an invitation is mailed with its token and link; only the token’s SHA-256 is kept; it expires after INVITATION_TTL_DAYS', async () => {
  const before = Date.now();
  const { token, mailed, invitation } = await invite('Ana@Example.com', 'VIEWER');
  expect(mailed).toBe(true);
  expect(invitation).toMatchObject({ email: 'ana@example.com', role: 'VIEWER', invitedById: owner.id, acceptedAt: null, revokedAt: null });
  expect(Date.parse(invitation.expiresAt) - before).toBeGreaterThanOrEqual(3 * DAY - 1000);
  expect(Date.parse(invitation.expiresAt) - before).toBeLessThan(3 * DAY + 60_000);

  const mail = await smtp.mailTo('ana@example.com');
  expect(mail.subject).toBe('You are invited to team');
  expect(mail.text).toContain(`https://books.example.com/?invitation=${token}`);
  expect(mail.text).toContain(`acceptInvitation(token: "${token}")`);

  const row = await gw.services.platform.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
  expect(JSON.stringify(row)).not.toContain(token);
  const listed = await as(admin, INVITATIONS);
  expect(listed.body.data.invitations.nodes).toContainEqual({ id: invitation.id, email: 'ana@example.com', role: 'VIEWER' });
  expect(JSON.stringify(listed.body)).not.toContain(token);
});

test('inviting the same email again replaces its pending invitation: the first token stops working', async () => {
  const person = await newcomer();
  const first = await invite(person.email);
  const second = await invite(person.email, 'VIEWER');
  const pending = (await as(owner, INVITATIONS)).body.data.invitations.nodes.filter((i: { email: string }) => i.email === person.email);
  expect(pending).toEqual([{ id: second.invitation.id, email: person.email, role: 'VIEWER' }]);
  expect(errorOf(await as(person, ACCEPT, { token: first.token }, undefined))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  expect((await as(person, ACCEPT, { token: second.token }, undefined)).body.data.acceptInvitation.member.role).toBe('VIEWER');
});

test('who may invite: owners and admins; OWNER only by an owner; never a member’s email or a malformed one', async () => {
  expect(codeOf(await as(member, INVITE, { email: 'x@example.com', role: 'VIEWER' }))).toBe('FORBIDDEN');
  expect(codeOf(await as(viewer, INVITE, { email: 'x@example.com', role: 'VIEWER' }))).toBe('FORBIDDEN');
  expect(codeOf(await as(admin, INVITE, { email: 'boss@example.com', role: 'OWNER' }))).toBe('FORBIDDEN');
  expect((await invite('admin-invite@example.com', 'ADMIN', admin)).invitation.role).toBe('ADMIN');
  expect((await invite('co-owner@example.com', 'OWNER', owner)).invitation.role).toBe('OWNER');
  expect(errorOf(await as(owner, INVITE, { email: member.email.toUpperCase(), role: 'VIEWER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  expect(errorOf(await as(owner, INVITE, { email: 'not an email', role: 'VIEWER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
});

test('accepting makes the member with the invited role, on the tenant of the invitation, and the answer names it', async () => {
  const person = await newcomer();
  expect(codeOf(await as(person, PRODUCTS))).toBe('TENANT_NOT_FOUND'); // cached now as "no role"
  const { token } = await invite(person.email, 'MEMBER', admin);
  const accepted = await as(person, ACCEPT, { token }, undefined);
  expect(accepted.body.data.acceptInvitation).toMatchObject({ member: { userId: person.id, role: 'MEMBER' }, tenant: { slug: 'team' } });
  expect(codeOf(await as(person, PRODUCTS))).toBe('ok');
  expect((await as(person, INVITATIONS)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('a token that is unknown, expired, revoked, used or another person’s gets one answer, naming the token', async () => {
  const person = await newcomer();
  const stranger = await newcomer();
  const late = await newcomer();
  const expired = await invite(late.email);
  await gw.services.platform.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const revoked = await invite(person.email);
  expect((await as(owner, REVOKE, { id: revoked.invitation.id })).body.data.revokeInvitation.revokedAt).not.toBeNull();
  const used = await invite(stranger.email);
  expect(codeOf(await as(stranger, ACCEPT, { token: used.token }, undefined))).toBe('ok');
  const othersToken = (await invite((await newcomer()).email)).token;

  const attempts = [
    await as(person, ACCEPT, { token: 'no-such-token' }, undefined),
    await as(late, ACCEPT, { token: expired.token }, undefined),
    await as(person, ACCEPT, { token: revoked.token }, undefined),
    await as(stranger, ACCEPT, { token: used.token }, undefined),
    await as(person, ACCEPT, { token: othersToken }, undefined),
  ];
  const refusals = attempts.map((r) => ({ message: r.body.errors?.[0].message, ...errorOf(r) }));
  expect(new Set(refusals.map((r) => JSON.stringify(r))).size).toBe(1);
  expect(refusals[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  expect(await roleIn(person)).toBeNull();
  expect(codeOf(await gw.request(ACCEPT, { variables: { token: othersToken } }))).toBe('UNAUTHENTICATED');
});

test('revoking: by owners and admins of the tenant only; another tenant’s invitation is NOT_FOUND; an accepted one is a member', async () => {
  const { invitation } = await invite('revoked-later@example.com');
  expect(codeOf(await as(member, REVOKE, { id: invitation.id }))).toBe('FORBIDDEN');
  expect(codeOf(await as(owner, REVOKE, { id: invitation.id }, 'elsewhere'))).toBe('NOT_FOUND');
  expect(codeOf(await as(admin, REVOKE, { id: invitation.id }))).toBe('ok');
  expect((await as(admin, INVITATIONS)).body.data.invitations.nodes.map((i: { id: string }) => i.id)).not.toContain(invitation.id);

  const person = await newcomer();
  const accepted = await invite(person.email);
  await as(person, ACCEPT, { token: accepted.token }, undefined);
  expect(errorOf(await as(owner, REVOKE, { id: accepted.invitation.id }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
});

test('a mail that cannot be sent leaves the invitation standing: the answer says mailed: false and has the token', async () => {
  const deadMail = await startTestGateway({ sharing: gw, env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
  try {
    const person = await newcomer();
    const response = await deadMail.request(INVITE, { token: owner.token, tenant: 'team', variables: { email: person.email, role: 'VIEWER' } });
    expect(response.body.errors).toBeUndefined();
    const { mailed, token } = response.body.data.inviteMember;
    expect(mailed).toBe(false);
    expect(codeOf(await as(person, ACCEPT, { token }, undefined))).toBe('ok');
  } finally {
    await deadMail.close();
  }
});

test('changing roles: owners and admins; only owners grant OWNER or change an owner; nobody their own; takes effect on the next request', async () => {
  const person = await newcomer();
  await join(person, 'MEMBER');
  expect(codeOf(await as(person, 'mutation { createProduct(input: { sku: "R-1", name: "n", kind: GOODS, price: "1" }) { id } }'))).toBe('ok');
  expect((await as(admin, CHANGE_ROLE, { userId: person.id, role: 'VIEWER' })).body.data.changeMemberRole).toEqual({ userId: person.id, role: 'VIEWER' });
  expect(codeOf(await as(person, 'mutation { createProduct(input: { sku: "R-2", name: "n", kind: GOODS, price: "1" }) { id } }'))).toBe('FORBIDDEN');

  expect(codeOf(await as(member, CHANGE_ROLE, { userId: person.id, role: 'MEMBER' }))).toBe('FORBIDDEN');
  expect(codeOf(await as(admin, CHANGE_ROLE, { userId: person.id, role: 'OWNER' }))).toBe('FORBIDDEN');
  expect(codeOf(await as(admin, CHANGE_ROLE, { userId: owner.id, role: 'VIEWER' }))).toBe('FORBIDDEN');
  expect(errorOf(await as(admin, CHANGE_ROLE, { userId: admin.id, role: 'VIEWER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  expect(errorOf(await as(owner, CHANGE_ROLE, { userId: 'nope', role: 'VIEWER' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  expect(codeOf(await as(owner, CHANGE_ROLE, { userId: platformAdmin.id, role: 'VIEWER' }))).toBe('NOT_FOUND');
  expect(await roleIn(owner)).toBe('OWNER');
  expect(await roleIn(person)).toBe('VIEWER');
});

test('the last owner can be neither demoted, nor removed, nor leave', async () => {
  expect(errorOf(await as(platformAdmin, CHANGE_ROLE, { userId: owner.id, role: 'ADMIN' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  expect(errorOf(await as(platformAdmin, REMOVE, { userId: owner.id }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  expect(codeOf(await as(owner, LEAVE))).toBe('BAD_USER_INPUT');
  expect(await roleIn(owner)).toBe('OWNER');
});

test('removing: owners and admins; only owners remove an owner; the removed person’s next request finds no tenant', async () => {
  const person = await newcomer();
  const coOwner = await newcomer();
  await join(person, 'ADMIN');
  await join(coOwner, 'OWNER');
  expect(codeOf(await as(person, PRODUCTS))).toBe('ok');
  expect(codeOf(await as(viewer, REMOVE, { userId: person.id }))).toBe('FORBIDDEN');
  expect(codeOf(await as(admin, REMOVE, { userId: coOwner.id }))).toBe('FORBIDDEN');
  expect((await as(admin, REMOVE, { userId: person.id })).body.data.removeMember).toEqual({ userId: person.id, role: 'ADMIN' });
  expect(codeOf(await as(person, PRODUCTS))).toBe('TENANT_NOT_FOUND');
  expect(codeOf(await as(admin, REMOVE, { userId: person.id }))).toBe('NOT_FOUND');
  // With another owner there, an owner may go.
  expect((await as(owner, REMOVE, { userId: coOwner.id })).body.data.removeMember.role).toBe('OWNER');
});

test('leaving: any member leaves the request’s tenant, and is out from the next request on', async () => {
  const person = await newcomer();
  await join(person, 'VIEWER');
  expect((await as(person, LEAVE)).body.data.leaveTenant).toEqual({ userId: person.id, role: 'VIEWER' });
  expect(codeOf(await as(person, MEMBERS))).toBe('TENANT_NOT_FOUND');
  expect(codeOf(await as(platformAdmin, LEAVE))).toBe('NOT_FOUND'); // reaches every tenant, member of none
});

test('two owners demoting each other at once, or two demotions of the only two owners: one wins, an owner stays', async () => {
  for (let round = 0; round < 5; round++) {
    const slug = `pair-${round}`;
    const [a, b] = [await newcomer(), await newcomer()];
    await gw.createTenant({ slug, owner: a, members: [[b, 'OWNER']] });
    // Both known here as OWNER, so both demotions get as far as the lock.
    await Promise.all([as(a, MEMBERS, {}, slug), as(b, MEMBERS, {}, slug)]);
    const mutual = await Promise.all([
      as(a, CHANGE_ROLE, { userId: b.id, role: 'MEMBER' }, slug),
      as(b, CHANGE_ROLE, { userId: a.id, role: 'MEMBER' }, slug),
    ]);
    // The loser is refused: the last owner stays (or, had the winner's change reached it first, it is no owner any more).
    expect(mutual.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1);
    expect(['BAD_USER_INPUT', 'FORBIDDEN']).toContain(mutual.map(codeOf).find((code) => code !== 'ok'));
    const owners = await gw.services.platform.membership.count({ where: { tenant: { slug }, role: 'OWNER' } });
    expect(owners).toBe(1);

    // Back to two owners; a platform admin now takes both at once, and removes while demoting.
    const demoted = mutual[0].body.data ? b : a;
    await gw.services.platform.membership.updateMany({ where: { userId: demoted.id, tenant: { slug } }, data: { role: 'OWNER' } });
    await announceMembershipChange(gw.services, demoted.id, (await gw.services.registry.find(slug))!.id);
    const both = await Promise.all([
      as(platformAdmin, CHANGE_ROLE, { userId: a.id, role: 'VIEWER' }, slug),
      as(platformAdmin, REMOVE, { userId: b.id }, slug),
    ]);
    expect(both.map(codeOf).sort()).toEqual(['BAD_USER_INPUT', 'ok']);
    expect(await gw.services.platform.membership.count({ where: { tenant: { slug }, role: 'OWNER' } })).toBe(1);
  }
});

test('every change to the tenant’s people is in its audit log, the token never', async () => {
  const person = await newcomer();
  const { token, invitation } = await invite(person.email, 'MEMBER');
  await as(person, ACCEPT, { token }, undefined);
  await as(owner, CHANGE_ROLE, { userId: person.id, role: 'VIEWER' });
  await as(owner, REMOVE, { userId: person.id });
  const tenantId = invitation.tenantId;
  const entries = await gw.services.platform.auditLog.findMany({ where: { tenantId, createdAt: { gte: new Date(Date.parse(invitation.createdAt)) } }, orderBy: { id: 'asc' } });
  const ours = entries.filter((e) => JSON.stringify(e.details).includes(person.id) || e.target === invitation.id || e.actorId === person.id);
  expect(ours.map((e) => [e.action, e.actorId])).toEqual([
    ['inviteMember', owner.id],
    ['acceptInvitation', person.id],
    ['changeMemberRole', owner.id],
    ['removeMember', owner.id],
  ]);
  expect(ours[0].details).toMatchObject({ args: { email: person.email, role: 'MEMBER' } });
  expect(ours[2].details).toMatchObject({ args: { userId: person.id, role: 'VIEWER' } });
  expect(JSON.stringify(entries)).not.toContain(token);
});
