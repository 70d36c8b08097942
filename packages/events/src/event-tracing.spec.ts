import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import type { IncomingMessage, OutgoingMessage } from './event-bus';
import { currentTraceContext, publishTraced, traceDelivery, type TraceCarrier } from './event-tracing';

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = () => trace.getTracer('test');

const message = (topic: string, key: string): OutgoingMessage => ({ topic, key, value: '{}', headers: { 'event-type': 'ProposalApproved' } });
const incoming = (headers: Record<string, string>): IncomingMessage => ({
  topic: 'reform.events', partition: 2, offset: '41', key: 'proposal-1', value: '{}', headers,
});
const spanNamed = (name: string): ReadableSpan => {
  const span = exporter.getFinishedSpans().find((finished) => finished.name === name);
  if (!span) throw new Error(`no span ${name}`);
  return span;
};
/** Records "an event" inside a request span; answers the stored context and the request's ids. */
function recordedInRequest(): { carrier: TraceCarrier; traceId: string; spanId: string } {
  return tracer().startActiveSpan('mutation approveStaffingProposal', (span) => {
    const carrier = currentTraceContext();
    span.end();
    if (carrier === null) throw new Error('no trace context captured');
    return { carrier, ...span.spanContext() };
  });
}

describe('events with tracing off', () => {
  it('store no trace context and send messages unchanged', async () => {
    expect(tracer().startActiveSpan('off', (span) => (span.end(), currentTraceContext()))).toBeNull();
    const sent: OutgoingMessage[][] = [];
    await publishTraced([{ message: message('reform.events', 'p1'), eventId: 'e1', traceContext: null }], async (batch) => void sent.push(batch));
    expect(sent).toEqual([[message('reform.events', 'p1')]]);
  });
});

describe('events with tracing on', () => {
  beforeAll(() => provider.register());
  afterAll(() => trace.disable());
  beforeEach(() => exporter.reset());

  it('capture the recording operation’s context, and none outside a span', () => {
    const { carrier, traceId, spanId } = recordedInRequest();
    expect(carrier.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(currentTraceContext()).toBeNull();
  });

  it('are sent in producer spans, children of their causes, whose traceparent goes in the headers', async () => {
    const cause = recordedInRequest();
    const sent: OutgoingMessage[] = [];
    await publishTraced(
      [
        { message: message('reform.events', 'p1'), eventId: 'e1', traceContext: cause.carrier },
        { message: message('reform.events', 'p2'), eventId: 'e2', traceContext: null },
      ],
      async (batch) => void sent.push(...batch),
    );
    const producer = spanNamed('send reform.events');
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.spanContext().traceId).toBe(cause.traceId);
    expect(producer.parentSpanContext?.spanId).toBe(cause.spanId);
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'kafka', 'messaging.operation.type': 'send', 'messaging.destination.name': 'reform.events',
      'messaging.kafka.message.key': 'p1', 'messaging.message.id': 'e1',
    });
    expect(sent[0].headers).toEqual({ 'event-type': 'ProposalApproved', traceparent: `00-${cause.traceId}-${producer.spanContext().spanId}-01` });
    expect(sent[1]).toEqual(message('reform.events', 'p2'));
    expect(exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.PRODUCER)).toHaveLength(1);
  });

  it('mark every producer span of a batch Kafka refused as failed, and rethrow', async () => {
    const cause = recordedInRequest();
    const refused = publishTraced([{ message: message('reform.events', 'p1'), eventId: 'e1', traceContext: cause.carrier }], async () => {
      throw new Error('broker away');
    });
    await expect(refused).rejects.toThrow('broker away');
    expect(spanNamed('send reform.events').status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker away' });
  });

  it('are handled in a consumer span, child of the producer span, active while the handler writes', async () => {
    const producer = recordedInRequest();
    let inHandler: TraceCarrier | null = null;
    const outcome = await traceDelivery(incoming({ ...producer.carrier, 'event-type': 'ProposalApproved' }), 'organization.proposals', async () => {
      inHandler = currentTraceContext();
      return 'applied' as const;
    });
    expect(outcome).toBe('applied');
    const consumer = spanNamed('process reform.events');
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(consumer.spanContext().traceId).toBe(producer.traceId);
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanId);
    expect(consumer.attributes).toMatchObject({
      'messaging.operation.type': 'process', 'messaging.consumer.group.name': 'organization.proposals', 'messaging.destination.partition.id': '2',
      'messaging.kafka.offset': 41, 'ps.event.type': 'ProposalApproved', 'ps.delivery.outcome': 'applied',
    });
    // An event the handler records continues the same trace, under the consumer span.
    expect(inHandler).toEqual({ traceparent: `00-${producer.traceId}-${consumer.spanContext().spanId}-01` });
  });

  it('handle a message without traceparent without a span, and mark a failing handler’s span', async () => {
    expect(await traceDelivery(incoming({}), 'organization.proposals', async () => 'ignored' as const)).toBe('ignored');
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    const producer = recordedInRequest();
    await expect(traceDelivery(incoming(producer.carrier), 'organization.proposals', async () => Promise.reject(new Error('database away')))).rejects.toThrow();
    expect(spanNamed('process reform.events').status.code).toBe(SpanStatusCode.ERROR);
  });
});
