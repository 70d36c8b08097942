import { isSpanContextValid, trace } from '@opentelemetry/api';

/** What a log line written inside a traced operation carries, to find its trace from the log. */
export interface TraceLogFields {
  trace_id?: string;
  span_id?: string;
}

/**
 * The active span's trace and span ids (a pino `mixin`); nothing outside a span or with
 * tracing off, where the API answers without any work.
 */
export function traceLogFields(): TraceLogFields {
  const span = trace.getActiveSpan();
  if (span === undefined) return {};
  const context = span.spanContext();
  if (!isSpanContextValid(context)) return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}
