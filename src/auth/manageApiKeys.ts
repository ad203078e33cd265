// Creating, revoking and listing a tenant's API keys. Keys are managed by people
// (an OWNER or ADMIN, or a platform admin), never by other keys; a key is at most
// ADMIN, so it never holds more than its creator and OWNER stays with people.
import { z } from 'zod';
import { generateApiKey } from './apiKeys';
import { parseInput } from '../domain/validate';
import { notFound } from '../errors';
import type { MemberRole } from '../generated/platform/client';
import type { Services } from '../services';
import { announceApiKeyRevoked } from '../tenancy/tenantChanges';

const NewKey = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(['VIEWER', 'MEMBER', 'ADMIN'], 'must be VIEWER, MEMBER or ADMIN (OWNER stays with people)'),
});

/** `createdById`: an OWNER or ADMIN of the tenant. Returns the stored row and the key itself, never available again. */
export async function createApiKey(services: Pick<Services, 'platform'>, tenantId: string, createdById: string, input: { name: string; role: MemberRole }) {
  const { name, role } = parseInput(NewKey, input);
  const { key, prefix, hash } = generateApiKey();
  const apiKey = await services.platform.apiKey.create({ data: { tenantId, name, role, prefix, hash, createdById } });
  return { apiKey, key };
}

/** Revokes at once, in every process. Revoking twice is harmless. */
export async function revokeApiKey(services: Pick<Services, 'platform' | 'changes'>, tenantId: string, id: string) {
  const existing = await services.platform.apiKey.findFirst({ where: { id, tenantId } });
  // Another tenant's key looks exactly like a missing one.
  if (!existing) throw notFound('API key');
  const apiKey = existing.revokedAt
    ? existing
    : await services.platform.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  await announceApiKeyRevoked(services, apiKey);
  return apiKey;
}
