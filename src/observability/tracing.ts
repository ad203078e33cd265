// Traces over OTLP, started only when an endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT,
// or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). The OpenTelemetry SDK reads the rest of the
// standard OTEL_* variables itself: the protocol (http/protobuf by default, or
// http/json), headers, sampler, batching, service name and resource attributes
// (docs/operations.md, "Traces"). Without an endpoint nothing is loaded or started,
// and spans.ts makes no span.
//
// Only traces: the gateway's metrics stay on /metrics, its logs on stdout. No library
// is instrumented (the spans are the gateway's own, spans.ts), so no require hook has
// to come before the modules it would patch.
import { enableSpans } from './spans';

export interface Tracing {
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

type Env = Record<string, string | undefined>;

const DEFAULT_SERVICE_NAME = 'tenantgraph';

function tracingWanted(env: Env): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return Boolean(endpoint) && env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true';
}

export function startTracing(env: Env = process.env): Tracing | undefined {
  if (!tracingWanted(env)) return undefined;
  // Loaded only now, so a gateway without traces does not load the SDK at all; by
  // require, as the rest of the gateway: import() would load its ES module build, and
  // with it a second @opentelemetry/api, whose tracer provider ours would never see.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const resources = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const sdk = new NodeSDK({
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the env detector, last) win over this default.
    resource: resources.defaultResource().merge(resources.resourceFromAttributes({ 'service.name': DEFAULT_SERVICE_NAME })),
    // Not the process detector: its command line is not ours to publish.
    resourceDetectors: [resources.serviceInstanceIdDetector, resources.hostDetector, resources.envDetector],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  enableSpans();
  return sdk;
}
