// The spans the gateway makes itself (no library is instrumented for it): a trace per
// unit of work (a GraphQL operation, a job, a webhook delivery attempt) and children
// under it. Until tracing.ts starts the SDK nothing here makes a span: `work` just runs.
//
// A unit of work has at most one tenant, often known only part-way through (a request
// finds its tenant when a field first needs it). It is kept in the trace's context, so
// the root span and every span started after it is known carry tenant.id and
// tenant.slug; a child given a tenant of its own (one tenant's migration within a
// rollout) passes that one to its descendants.
import { SpanKind, SpanStatusCode, context, createContextKey, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

const tracer = trace.getTracer('tenantgraph');
let enabled = false;

/** Called once the SDK runs: from then on spans are made. */
export function enableSpans(): void {
  enabled = true;
}

export const spansEnabled = (): boolean => enabled;

export interface TraceTenant {
  id: string;
  /** Absent where the work knows only the id (a job, a webhook). */
  slug?: string;
}

/** What the spans of one unit of work share: the span its tenant is noted on, and the tenant once known. */
interface WorkScope {
  span: Span;
  tenant?: Attributes;
}

const SCOPE = createContextKey('tenantgraph.work');
const scopeOf = (ctx: Context) => ctx.getValue(SCOPE) as WorkScope | undefined;

const tenantAttributes = (tenant: TraceTenant): Attributes => ({ 'tenant.id': tenant.id, ...(tenant.slug ? { 'tenant.slug': tenant.slug } : {}) });

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  tenant?: TraceTenant;
}

/** A started span and the context its work runs in; the caller ends it. */
export interface SpanHandle {
  readonly span: Span;
  run<T>(work: () => T): T;
  /** Ends the span; `errorType` marks it failed with that stable code (never a message: it may quote a value). */
  end(errorType?: string): void;
}

function markFailed(span: Span, errorType: string): void {
  span.setAttribute('error.type', errorType);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

function start(name: string, options: SpanOptions, parent: Context, root: boolean): SpanHandle {
  // A new trace is work of its own, even when started from a request (a job it queued): it inherits no tenant.
  const inherited = root ? undefined : scopeOf(parent)?.tenant;
  const tenant = options.tenant ? tenantAttributes(options.tenant) : inherited;
  const span = tracer.startSpan(name, { kind: options.kind, root, attributes: { ...options.attributes, ...tenant } }, parent);
  // A span with its own tenant (or a new trace) is the scope its descendants inherit from.
  const scoped = root || options.tenant ? parent.setValue(SCOPE, { span, tenant }) : parent;
  const ctx = trace.setSpan(scoped, span);
  return {
    span,
    run: (work) => context.with(ctx, work),
    end(errorType) {
      if (errorType) markFailed(span, errorType);
      span.end();
    },
  };
}

/** `work` in the context of `handle`'s span, when there is one. */
export const runInSpan = <T>(handle: SpanHandle | undefined, work: () => T): T => (handle ? handle.run(work) : work());

/** The root span of a new trace for a unit of work, whatever is active; undefined while tracing is off. */
export function startTrace(name: string, options: SpanOptions = {}): SpanHandle | undefined {
  return enabled ? start(name, options, context.active(), true) : undefined;
}

/**
 * What a failure is, in words that never quote a value: an error's stable code
 * (a GraphQL error's extensions.code, a driver's SQLSTATE or errno name), else its class.
 */
export function errorTypeOf(error: unknown): string {
  const { code, extensions } = (error ?? {}) as { code?: unknown; extensions?: { code?: unknown } };
  if (typeof extensions?.code === 'string') return extensions.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.constructor.name : typeof error;
}

/** `work` in the span, which it ends: failed with the error's type when `work` throws. */
async function runToEnd<T>(handle: SpanHandle, work: () => Promise<T>): Promise<T> {
  try {
    const result = await handle.run(work);
    handle.end();
    return result;
  } catch (error) {
    handle.end(errorTypeOf(error));
    throw error;
  }
}

/** `work` as a new trace of its own (a job, a delivery attempt). */
export function inTrace<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const handle = startTrace(name, options);
  return handle ? runToEnd(handle, work) : work();
}

/** Whether a recorded trace is active here: only then are child spans made (not for background work, nor when tracing is off). */
export const inRecordedTrace = (): boolean => enabled && trace.getSpan(context.active())?.isRecording() === true;

/** `work` in a child span of the active one, if `inRecordedTrace()`; else just `work`. */
export function inChildSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  return inRecordedTrace() ? runToEnd(start(name, options, context.active(), false), work) : work();
}

/** The root span of the active unit of work (the operation's, in a request). */
export function activeWorkSpan(): Span | undefined {
  return enabled ? scopeOf(context.active())?.span : undefined;
}

/**
 * The active unit of work turned out to be for `tenant`: its span says so, and so does
 * every span started in it from now on.
 */
export function noteTraceTenant(tenant: TraceTenant): void {
  const scope = enabled ? scopeOf(context.active()) : undefined;
  if (!scope) return;
  scope.tenant = tenantAttributes(tenant);
  scope.span.setAttributes(scope.tenant);
}

/** What only the end of the active unit of work tells (a job that gave up, a delivery's answer): on its span. */
export function noteWorkOutcome(attributes: Attributes, errorType?: string): void {
  const span = activeWorkSpan();
  if (!span) return;
  span.setAttributes(attributes);
  if (errorType) markFailed(span, errorType);
}
