import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { traceLogFields } from './log-fields';

describe('trace fields of a log line', () => {
  it('are empty while no provider is registered (tracing off)', () => {
    expect(trace.getTracer('test').startActiveSpan('off', (span) => {
      span.end();
      return traceLogFields();
    })).toEqual({});
  });

  it('name the active span and its trace, and nothing outside a span', () => {
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
    provider.register();
    try {
      const inside = trace.getTracer('test').startActiveSpan('request', (span) => {
        const fields = { logged: traceLogFields(), ...span.spanContext() };
        span.end();
        return fields;
      });
      expect(inside.logged).toEqual({ trace_id: inside.traceId, span_id: inside.spanId });
      expect(inside.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceLogFields()).toEqual({});
    } finally {
      trace.disable();
    }
  });
});
