// createTenant: the tenant (PROVISIONING), its owner, its subscription and its
// provisioning job, all in one platform transaction. The job runs on whichever
// gateway process's worker takes it first.
import { z } from 'zod';
import { classifyDatabaseError } from '../db/databaseErrors';
import { engineName, engineOfName, engineOfUrl, type Engine } from '../engine';
import { badInput } from '../errors';
import type { UserPrincipal } from '../auth/principal';
import { parseInput } from '../domain/validate';
import { canonicalCurrency, canonicalLocale, canonicalTimeZone } from '../tenancy/localization';
import { announceTenantChange } from '../tenancy/tenantChanges';
import type { Services } from '../services';
import { createTenantRecord } from './createTenantRecord';
import { createJob } from './jobs/jobQueue';
import { locationOn } from './provisionTenant';
import { restorableExport } from '../portability/tenantExports';

/** An optional string Intl must know, in its canonical spelling; `message` when it does not. */
const canonical = (spell: (value: string) => string | undefined, message: string) =>
  z
    .string()
    .nullish()
    .transform((value, ctx) => {
      if (value === null || value === undefined) return undefined;
      const spelled = spell(value);
      if (spelled === undefined) ctx.addIssue({ code: 'custom', message });
      return spelled;
    });

const CreateTenantInput = z.object({
  slug: z.string(),
  name: z.string(),
  plan: z
    .string()
    .nullish()
    .transform((plan) => plan ?? 'free'),
  isolation: z
    .enum(['DATABASE', 'SCHEMA', 'POOL'])
    .nullish()
    .transform((isolation) => isolation ?? 'DATABASE'),
  engine: z.enum(['POSTGRESQL', 'MYSQL']).nullish(),
  server: z.string().nullish(),
  external: z.object({ url: z.string() }).nullish(),
  restoreFrom: z.string().nullish(),
  locale: canonical(canonicalLocale, 'must be a BCP 47 language tag such as "en", "en-GB" or "fa-IR"'),
  currency: canonical(canonicalCurrency, 'must be an ISO 4217 currency code such as "USD", "EUR" or "IRR"'),
  timeZone: canonical(canonicalTimeZone, 'must be an IANA time zone such as "Europe/Berlin" or "Asia/Tehran"'),
});

type Input = z.output<typeof CreateTenantInput>;

/** Checks the customer's database URL and seals it; errors never repeat it (it holds a password). */
function sealExternalUrl(services: Pick<Services, 'secrets'>, url: string): { cipher: string; engine: Engine } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('external.url is not a URL', { field: 'external.url' });
  }
  const engine = engineOfUrl(parsed.protocol);
  if (!engine) throw badInput('external.url must be a postgresql:// or mysql:// URL', { field: 'external.url' });
  if (!parsed.hostname || parsed.pathname.length < 2) {
    throw badInput('external.url must name a host and a database', { field: 'external.url' });
  }
  return { cipher: services.secrets.encrypt(url), engine };
}

/** The engine the tenant's tables will live on, and the server when the input names one. */
function whereItGoes(services: Pick<Services, 'servers'>, input: Input, external: { engine: Engine } | undefined): { engine: Engine; server?: string } {
  const asked = input.engine ? engineOfName(input.engine) : undefined;
  if (external) {
    if (input.server) throw badInput('a database you bring is its own server: leave out server', { field: 'server' });
    if (asked && asked !== external.engine) throw badInput(`external.url is not a ${input.engine} URL`, { field: 'engine' });
    return { engine: external.engine };
  }
  if (input.server) {
    if (!services.servers.names().includes(input.server)) {
      throw badInput(`no database server is named "${input.server}" (see TENANT_SERVERS)`, { field: 'server' });
    }
    const engine = services.servers.engineOf(input.server);
    if (asked && asked !== engine) throw badInput(`server "${input.server}" is not a ${input.engine} server`, { field: 'server' });
    return { engine, server: input.server };
  }
  const engine = asked ?? services.servers.defaultEngine();
  if (services.servers.namesOf(engine).length === 0) {
    throw badInput(`no ${engineName(engine)} database server is configured (see TENANT_SERVERS)`, { field: 'engine' });
  }
  return { engine };
}

export async function startProvisioning(
  services: Pick<Services, 'config' | 'platform' | 'servers' | 'secrets' | 'changes' | 'memberships'>,
  owner: UserPrincipal,
  raw: z.input<typeof CreateTenantInput>,
) {
  const input = parseInput(CreateTenantInput, raw);
  // Whoever may read an export's tenant may build a new tenant from it.
  const restoreFrom = input.restoreFrom ? await restorableExport(services, owner, input.restoreFrom, 'restoreFrom') : undefined;
  if (restoreFrom && input.external) throw badInput('a database you bring keeps its own data: leave out restoreFrom', { field: 'restoreFrom' });
  if (input.external && input.isolation !== 'DATABASE') {
    throw badInput('a database you bring holds one tenant: use DATABASE isolation', { field: 'isolation' });
  }
  const external = input.external ? sealExternalUrl(services, input.external.url) : undefined;
  const { engine, server } = whereItGoes(services, input, external);
  if (engine === 'mysql' && input.isolation !== 'DATABASE') {
    const mode = input.isolation === 'POOL' ? 'POOL isolation (shared tables under row-level security) is PostgreSQL only' : 'MySQL has no schemas';
    throw badInput(`${mode}: MySQL tenants have a database each, use DATABASE isolation`, { field: 'isolation' });
  }
  let created;
  try {
    created = await services.platform.$transaction(async (tx) => {
      const { id } = await createTenantRecord(tx, {
        slug: input.slug,
        name: input.name,
        isolation: input.isolation,
        engine: engineName(engine),
        planCode: input.plan,
        ownerId: owner.userId,
        locale: input.locale,
        currency: input.currency,
        timeZone: input.timeZone,
        externalUrlCipher: external?.cipher,
        ...(server ? { location: locationOn(services.config, { slug: input.slug, isolation: input.isolation }, server) } : {}),
      });
      const job = await createJob(tx, id, 'PROVISION', { maxAttempts: services.config.jobs.maxAttempts, message: 'waiting for a worker', restoreFromId: restoreFrom?.id });
      const tenant = await tx.tenant.findUniqueOrThrow({ where: { id }, include: { plan: true } });
      return { tenant, job: { ...job, tenant } };
    });
  } catch (error) {
    // Two creates of one slug at once both pass the check; the unique index picks one.
    if (classifyDatabaseError(error)?.kind === 'uniqueViolation') {
      throw badInput(`slug "${input.slug}" is taken`, { field: 'slug' });
    }
    throw error;
  }
  // A process that looked the slug up before holds "no such tenant": it looks again.
  await announceTenantChange(services, input.slug);
  return created;
}
