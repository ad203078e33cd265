// What a resolver knows about the request it serves: who is calling, which tenant
// they asked for, and, once a tenant field needs it, that tenant's database and
// loaders. The tenant is opened lazily, at most once per request, so platform-only
// operations (login, me, plans) never touch a tenant database.
import type { ExecutionResult } from 'graphql';
import type { MemberRole } from '../generated/platform/client';
import { authorize, reachesEveryTenant, refuseWhileSuspended, type Action } from '../auth/policy';
import type { Principal, UserPrincipal } from '../auth/principal';
import { ErrorCode, badInput, forbidden, gatewayError, unauthenticated } from '../errors';
import type { Services } from '../services';
import type { RequestedTenant } from '../tenancy/requestedTenant';
import type { Lease } from '../tenancy/tenantDatabases';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import type { TenantDb } from '../db/tenantClient';
import type { TenantTarget } from '../db/tenantTarget';
import type { Logger } from '../logger';
import { noteTraceTenant } from '../observability/spans';
import { RowLoaders } from '../graph/rowLoaders';

/** The request's tenant and the caller's role there, before any database is opened. */
export interface TenantAccess {
  tenant: TenantRecord;
  /** The caller's role here; platform admins act as OWNER. */
  role: MemberRole;
}

export interface TenantScope extends TenantAccess {
  /** The tenant's tables for planned reads and raw SQL (no Prisma involved). */
  readonly target: TenantTarget;
  /** A Prisma client bound to the tenant, taken on first use: writes and the reads no plan covers. */
  readonly db: TenantDb;
  /** Rows read by id a batch at a time, for this request. */
  readonly rows: RowLoaders;
}

/** What a request turned out to be; filled in as it runs, read for its log line and metrics. */
export interface RequestOutcome {
  /** The resolved operation's name; null when anonymous; undefined until (unless) one resolves. */
  operation?: string | null;
  errorCodes: string[];
}

interface RequestState {
  log?: Logger;
  authorizing?: Promise<TenantAccess>;
  granted?: TenantAccess;
  opening?: Promise<TenantScope>;
  opened?: TenantScope;
  lease?: Lease;
  results?: AsyncGenerator<ExecutionResult>;
}

/** The tenant, entered by someone with `role` there; or the error that says why not. */
function entered(slug: string, tenant: TenantRecord | undefined, role: MemberRole | undefined): TenantAccess {
  // A tenant the caller may not enter looks exactly like one that does not exist: no existence oracle.
  if (!tenant || !role) throw gatewayError(ErrorCode.TENANT_NOT_FOUND, `no tenant "${slug}" that you are a member of`);
  // A SUSPENDED tenant is let through here: `allowed` decides, per action.
  if (tenant.status !== 'ACTIVE' && tenant.status !== 'SUSPENDED') {
    throw gatewayError(ErrorCode.TENANT_NOT_READY, `tenant "${slug}" is ${tenant.status.toLowerCase()}`, { status: tenant.status });
  }
  return { tenant, role };
}

export class GatewayContext {
  // Apollo shallow-copies the context for each operation: state that must be seen
  // by the copy and by the transport that releases it lives in one shared object.
  private readonly state: RequestState = {};
  readonly outcome: RequestOutcome = { errorCodes: [] };

  constructor(
    readonly services: Services,
    readonly requestId: string,
    readonly principal: Principal | null,
    /** The tenant the request names; sources that disagree never get this far (createRequestContext refuses them). */
    readonly requested: Pick<RequestedTenant, 'slug'>,
    /** The client's User-Agent, kept with the sessions it opens. */
    readonly userAgent?: string,
  ) {}

  /** Every line logged for this request carries its id and the tenant it asked for. Made on first use: most requests log nothing. */
  get log(): Logger {
    return (this.state.log ??= this.services.log.child({ requestId: this.requestId, tenant: this.requested.slug ?? null }));
  }

  /** The tenant this request actually opened (authorized and active), if any. */
  get openedTenant(): string | undefined {
    return this.state.opened?.tenant.slug;
  }

  /** A signed-in person; API keys act on their tenant's data only. */
  requireUser(): UserPrincipal {
    if (!this.principal) throw unauthenticated();
    if (this.principal.kind !== 'user') throw forbidden('an API key cannot do this: sign in as a user');
    return this.principal;
  }

  /** The requested tenant, opened for `action`; throws the matching GraphQL error when the caller may not take it there. */
  async tenant(action: Action = 'data.read'): Promise<TenantScope> {
    // Refused before its database is opened: a suspended tenant's is not.
    await this.access(action);
    return (this.state.opening ??= this.open());
  }

  /** Like `tenant()`, without opening its database: for platform-side fields and plugins. */
  async access(action: Action = 'data.read'): Promise<TenantAccess> {
    return this.allowed(await (this.state.authorizing ??= this.authorize()), action);
  }

  /**
   * Asks again, from what is true now, whether the caller may still take `action` in
   * the tenant `access` granted: for what outlives the request's start (a subscription,
   * before each event). Throws what `access` would throw now.
   */
  async confirmAccess(action: Action): Promise<void> {
    const granted = this.state.granted;
    if (!granted || !this.principal) throw new Error('confirmAccess before access was granted');
    const now = await this.services.liveAccess.of(this.principal, granted.tenant.id);
    const role = reachesEveryTenant(this.principal) ? 'OWNER' : now.role;
    this.allowed(entered(granted.tenant.slug, now.tenant, role), action);
  }

  /** The request's tenant if authorization for it has already succeeded; never waits. */
  get grantedTenant(): TenantRecord | undefined {
    return this.state.granted?.tenant;
  }

  /** For field resolvers under a tenant field: the tenant their parent already opened. */
  get scope(): TenantScope {
    if (!this.state.opened) throw new Error('tenant scope used before a tenant field opened it');
    return this.state.opened;
  }

  /** A subscription the pipeline started (server/subscriptionPlugin.ts): its results, for the transport to stream. */
  streamResults(results: AsyncGenerator<ExecutionResult>): void {
    this.state.results = results;
  }

  /** The results of the subscription this request started, if it did; taken once. */
  takeResults(): AsyncGenerator<ExecutionResult> | undefined {
    const { results } = this.state;
    this.state.results = undefined;
    return results;
  }

  /** Gives the tenant client back to the pool; called by the transport when the operation is done. */
  release(): void {
    this.state.lease?.release();
    this.state.lease = undefined;
  }

  private allowed(granted: TenantAccess, action: Action): TenantAccess {
    refuseWhileSuspended(granted.tenant, action);
    authorize(this.principal!, granted.role, action);
    return granted;
  }

  private async authorize(): Promise<TenantAccess> {
    if (!this.principal) throw unauthenticated();
    const { slug } = this.requested;
    if (!slug) throw badInput('no tenant chosen: send the X-Tenant header (or use a tenant subdomain or token)');
    const tenant = await this.services.registry.find(slug);
    const role = tenant && (await this.roleIn(this.principal, tenant));
    const granted = entered(slug, tenant, role);
    noteTraceTenant({ id: granted.tenant.id, slug: granted.tenant.slug });
    return (this.state.granted = granted);
  }

  private async roleIn(principal: Principal, tenant: TenantRecord): Promise<MemberRole | undefined> {
    // An API key's tenant is the request's tenant (requestContext makes it the claim), so this only guards.
    if (principal.kind === 'apiKey') return principal.tenantId === tenant.id ? principal.role : undefined;
    return reachesEveryTenant(principal) ? 'OWNER' : this.services.memberships.roleOf(principal.userId, tenant.id);
  }

  private async open(): Promise<TenantScope> {
    const { tenant, role } = await (this.state.authorizing ??= this.authorize());
    const lease = (this.state.lease = this.services.pool.acquire(tenant));
    let rows: RowLoaders | undefined;
    return (this.state.opened = {
      tenant,
      role,
      target: lease.target,
      get db() {
        return lease.db;
      },
      get rows() {
        return (rows ??= new RowLoaders(lease.target, role));
      },
    });
  }
}
