import { badInput } from '../errors';

const SLUG = /^[a-z][a-z0-9-]{2,39}$/;

// Names a tenant cannot take: they would shadow a host name or a database of our own.
const RESERVED = new Set([
  'admin', 'api', 'app', 'assets', 'auth', 'billing', 'dashboard', 'default', 'graphiql', 'graphql',
  'health', 'healthz', 'internal', 'login', 'mail', 'metrics', 'platform', 'postgres', 'public',
  'readyz', 'root', 'shared', 'signup', 'static', 'status', 'support', 'system', 'template', 'tenant',
  'tenants', 'test', 'www',
]);

export const isSlug = (value: string) => SLUG.test(value);

/** Throws BAD_USER_INPUT unless `slug` can name a new tenant. */
export function assertValidSlug(slug: string): void {
  if (!SLUG.test(slug)) {
    throw badInput('slug must be 3-40 characters of a-z, 0-9 and "-", starting with a letter', { field: 'slug' });
  }
  if (slug.endsWith('-') || slug.includes('--')) {
    throw badInput('slug cannot end with "-" or contain "--"', { field: 'slug' });
  }
  if (RESERVED.has(slug)) throw badInput(`slug "${slug}" is reserved`, { field: 'slug' });
}
