import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { IncomingMessage, OutgoingMessage } from './event-bus';

/**
 * The W3C trace context (`traceparent`, and `tracestate`/`baggage` when present) of the
 * operation that recorded an event: kept beside its outbox row, sent in its Kafka headers.
 */
export type TraceCarrier = Record<string, string>;

/** A message the relay sends, with what it needs to continue the trace of the event's cause. */
export interface TracedMessage {
  message: OutgoingMessage;
  eventId: string;
  traceContext: TraceCarrier | null;
}

const tracer = trace.getTracer('@ps/events');

/** The messaging attributes every span of an event carries (OpenTelemetry semantic conventions). */
function messagingAttributes(operation: 'send' | 'process', topic: string, key: string | null): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
    'messaging.destination.name': topic,
    ...(key === null ? {} : { 'messaging.kafka.message.key': key }),
  };
}

/**
 * The trace context active where an event is recorded; null outside a traced operation or
 * with tracing off (the propagator then writes nothing), so untraced work stores nothing.
 */
export function currentTraceContext(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent === undefined ? null : carrier;
}

/**
 * Publishes a relay batch: each event recorded inside a trace gets a producer span, child of
 * the operation that recorded it, and that span's `traceparent` in its Kafka headers; the
 * spans end when Kafka has acknowledged (or refused) the batch. Events recorded outside any
 * trace (seeds, loads) are sent as they are.
 */
export async function publishTraced(
  items: readonly TracedMessage[],
  publish: (messages: OutgoingMessage[]) => Promise<void>,
): Promise<void> {
  const spans: Span[] = [];
  const messages = items.map(({ message, eventId, traceContext }) => {
    if (traceContext === null) return message;
    const cause = propagation.extract(ROOT_CONTEXT, traceContext);
    const span = tracer.startSpan(
      `send ${message.topic}`,
      { kind: SpanKind.PRODUCER, attributes: { ...messagingAttributes('send', message.topic, message.key), 'messaging.message.id': eventId } },
      cause,
    );
    spans.push(span);
    const headers = { ...message.headers };
    propagation.inject(trace.setSpan(cause, span), headers);
    return { ...message, headers };
  });
  try {
    await publish(messages);
  } catch (error) {
    for (const span of spans) failed(span, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Runs a consumer's handling of a message in a consumer span, child of the producer span its
 * headers name, so what the handler writes (and the events it records) joins the trace of the
 * operation that caused it. A message without `traceparent` is handled without a span.
 */
export async function traceDelivery<Outcome extends string>(
  message: IncomingMessage,
  consumer: string,
  deliver: () => Promise<Outcome>,
): Promise<Outcome> {
  if (message.headers.traceparent === undefined) return deliver();
  const cause = propagation.extract(ROOT_CONTEXT, message.headers);
  const attributes: Attributes = {
    ...messagingAttributes('process', message.topic, message.key),
    'messaging.consumer.group.name': consumer,
    'messaging.destination.partition.id': String(message.partition),
    'messaging.kafka.offset': Number(message.offset),
    ...(message.headers['event-type'] === undefined ? {} : { 'ps.event.type': message.headers['event-type'] }),
  };
  return tracer.startActiveSpan(`process ${message.topic}`, { kind: SpanKind.CONSUMER, attributes }, cause, async (span) => {
    try {
      const outcome = await deliver();
      span.setAttribute('ps.delivery.outcome', outcome);
      return outcome;
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Runs a consumer's handling of several messages at once (a batch handler) in one consumer
 * span linked to the producer span of each message that names one, as OpenTelemetry's
 * messaging conventions trace batch processing; without any `traceparent`, without a span.
 */
export async function traceDeliveries(messages: readonly IncomingMessage[], consumer: string, deliver: () => Promise<void>): Promise<void> {
  const links = messages
    .filter((message) => message.headers.traceparent !== undefined)
    .map((message) => trace.getSpanContext(propagation.extract(ROOT_CONTEXT, message.headers)))
    .filter((spanContext) => spanContext !== undefined)
    .map((spanContext) => ({ context: spanContext }));
  if (links.length === 0) return deliver();
  const [first] = messages;
  const attributes: Attributes = {
    ...messagingAttributes('process', first.topic, null),
    'messaging.consumer.group.name': consumer,
    'messaging.destination.partition.id': String(first.partition),
    'messaging.batch.message_count': messages.length,
  };
  return tracer.startActiveSpan(`process ${first.topic}`, { kind: SpanKind.CONSUMER, attributes, links, root: true }, async (span) => {
    try {
      await deliver();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}
