import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { tracingStarted } from './tracing.lifecycle';
import type { TracingSettings } from './tracing.settings';

/** Probes and scrapes arrive every few seconds and say nothing about a request: no spans for them. */
const UNTRACED_PATHS = ['/health/', '/metrics'];

function untraced(request: IncomingMessage): boolean {
  const path = request.url ?? '';
  return UNTRACED_PATHS.some((prefix) => path.startsWith(prefix));
}

/**
 * What is traced, and what is left out for its cost: HTTP in and out (W3C `traceparent` both
 * ways), the gateway's fetches to the subgraphs (undici), GraphQL parse, validate and execute
 * (no span per resolved field: a list of units would make thousands), and PostgreSQL queries
 * inside a traced operation only (never their parameter values). Background work with no
 * trace (the outbox relay's polling, key refreshes) makes no spans.
 */
function instrumentations() {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: untraced, requireParentforOutgoingSpans: true }),
    new UndiciInstrumentation({ requireParentforSpans: true }),
    new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false }),
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
  ];
}

/**
 * Starts tracing for this process: spans batched to the OTLP/HTTP (JSON) endpoint, the sampler
 * from `OTEL_TRACES_SAMPLER` (parent-based, always on, by default), the W3C trace-context and
 * baggage propagators. Must run before the instrumented modules (http, pg, graphql) are loaded.
 */
export function startTracing(settings: TracingSettings): void {
  const provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': settings.serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({ tracerProvider: provider, instrumentations: instrumentations() });
  tracingStarted(provider);
}
