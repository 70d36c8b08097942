import { SPAN_KIND, startTraceReceiver, type TraceReceiver } from './trace-receiver';

const attribute = (key: string, value: Record<string, unknown>) => ({ key, value });
/** An export request as the OTLP/HTTP exporter writes it in JSON. */
const exportRequest = {
  resourceSpans: [
    {
      resource: { attributes: [attribute('service.name', { stringValue: 'reform' })] },
      scopeSpans: [
        {
          spans: [
            { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), name: 'POST', kind: SPAN_KIND.server, attributes: [attribute('http.response.status_code', { intValue: 200 })] },
            { traceId: 'a'.repeat(32), spanId: 'c'.repeat(16), parentSpanId: 'b'.repeat(16), name: 'send reform.events', kind: SPAN_KIND.producer, attributes: [attribute('messaging.kafka.offset', { intValue: '41' }), attribute('sampled', { boolValue: true })] },
          ],
        },
      ],
    },
  ],
};

describe('the trace receiver', () => {
  let receiver: TraceReceiver;
  beforeAll(async () => (receiver = await startTraceReceiver()));
  afterAll(() => receiver.close());

  it('keeps the spans of a JSON export, with their service and flattened attributes', async () => {
    const response = await fetch(`${receiver.endpoint}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exportRequest) });
    expect(response.status).toBe(200);
    expect(receiver.spans()).toEqual([
      { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: '', name: 'POST', kind: SPAN_KIND.server, service: 'reform', attributes: { 'http.response.status_code': 200 } },
      {
        traceId: 'a'.repeat(32), spanId: 'c'.repeat(16), parentSpanId: 'b'.repeat(16), name: 'send reform.events', kind: SPAN_KIND.producer, service: 'reform',
        attributes: { 'messaging.kafka.offset': 41, sampled: true },
      },
    ]);
  });

  it('refuses an export in protobuf, so a test cannot pass on spans it never read', async () => {
    const response = await fetch(`${receiver.endpoint}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: new Uint8Array([1, 2]) });
    expect(response.status).toBe(415);
    expect(receiver.spans()).toHaveLength(2);
  });
});
