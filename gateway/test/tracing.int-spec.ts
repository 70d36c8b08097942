import { REFORM_TOPIC } from '@ps/contracts';
import {
  DEMO_USERS,
  eventually,
  graphqlRequest,
  SPAN_KIND,
  startTraceReceiver,
  tokenFor,
  type ReceivedSpan,
  type StartedProcess,
  type TraceReceiver,
} from '@ps/testing';
import { everyServiceProjectedTheTerritory, gatewayUrl, startPlatform, stopPlatform } from './platform';
import { appraisedProposal, approve, quotaReaches, thanhAnOfficeWithQuota } from './staffing-saga';

/**
 * OpenTelemetry across the whole platform, as separate processes exporting OTLP/HTTP (JSON) to
 * a receiver in this test: the demo query in one trace through the gateway and every subgraph;
 * a staffing-proposal approval in one trace from the gateway through reform, Kafka (the
 * `traceparent` header the outbox relay sends) and organization's consumer, and back to reform.
 */
const DEMO_QUERY = `query Unit($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier path headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const EVERY_PROCESS = ['gateway', 'organization', 'personnel', 'evaluation', 'reform'];

let receiver: TraceReceiver;
let platform: StartedProcess[] = [];

beforeAll(async () => {
  receiver = await startTraceReceiver();
  // Spans leave each process within 0.2 s (the default batch delay is 5 s).
  platform = await startPlatform({ sharedEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' } });
  await everyServiceProjectedTheTerritory();
}, 900_000);

afterAll(async () => {
  await stopPlatform(platform);
  await receiver.close();
});

/** The spans received after the first `since`, of the trace whose span `pick` finds among them; waited for until `complete`. */
function traceAfter(
  since: number,
  pick: (span: ReceivedSpan) => boolean,
  complete: (spans: ReceivedSpan[]) => boolean,
  what: string,
): Promise<ReceivedSpan[]> {
  return eventually(
    async () => {
      const fresh = receiver.spans().slice(since);
      const found = fresh.find(pick);
      const spans = fresh.filter((span) => span.traceId === found?.traceId);
      return found && complete(spans) ? spans : undefined;
    },
    { what, timeoutMs: 60_000 },
  );
}

/** Every span of `spans` hangs from its root: each parent was received too. */
function linked(spans: ReceivedSpan[]): boolean {
  const ids = new Set(spans.map((span) => span.spanId));
  return spans.filter((span) => span.parentSpanId === '').length === 1 && spans.every((span) => span.parentSpanId === '' || ids.has(span.parentSpanId));
}

/** The span's ancestors, parent first, up to the root. */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const parent = spans.find((candidate) => candidate.spanId === span.parentSpanId);
  return parent ? [parent, ...ancestry(parent, spans)] : [];
}

/** A PostgreSQL statement's span (the attribute's name before and after the stable database conventions). */
const isPostgres = (span: ReceivedSpan) => (span.attributes['db.system'] ?? span.attributes['db.system.name']) === 'postgresql';

const servicesOf = (spans: ReceivedSpan[]) => [...new Set(spans.map((span) => span.service))].sort();

describe('a trace', () => {
  it('of the demo query holds the gateway’s spans and each subgraph’s, every subgraph called from the gateway', async () => {
    const since = receiver.spans().length;
    const token = await tokenFor(DEMO_USERS.thanhAnAdmin);
    const answer = await graphqlRequest(gatewayUrl, DEMO_QUERY, { token, variables: { code: '25807', asOf: null } });
    expect(answer.errors).toBeUndefined();

    const spans = await traceAfter(
      since,
      (span) => span.service === 'gateway' && span.kind === SPAN_KIND.server && span.parentSpanId === '',
      (trace) => servicesOf(trace).length === EVERY_PROCESS.length && linked(trace),
      'the demo query’s trace through every service',
    );
    expect(servicesOf(spans)).toEqual([...EVERY_PROCESS].sort());
    const subgraphRequests = spans.filter((span) => span.service !== 'gateway' && span.kind === SPAN_KIND.server);
    expect(servicesOf(subgraphRequests)).toEqual(EVERY_PROCESS.filter((name) => name !== 'gateway').sort());
    for (const request of subgraphRequests) {
      expect(ancestry(request, spans)[0]).toMatchObject({ service: 'gateway', kind: SPAN_KIND.client });
    }
    // Each subgraph ran a query and read PostgreSQL inside it.
    for (const name of ['organization', 'personnel', 'evaluation', 'reform']) {
      const own = spans.filter((span) => span.service === name);
      expect(own.some((span) => span.attributes['graphql.operation.type'] === 'query')).toBe(true);
      expect(own.some((span) => span.kind === SPAN_KIND.client && isPostgres(span))).toBe(true);
    }
  });

  it('of a staffing-proposal approval runs from reform’s mutation through Kafka to organization raising the quota, and back', async () => {
    await everyServiceProjectedTheTerritory(['reform'], 600_000);
    const office = await thanhAnOfficeWithQuota();
    const proposal = await appraisedProposal(office, 2, '2026-03-10');
    const since = receiver.spans().length;
    await quotaReaches(office, 12, await approve(proposal, '2026-03-10'));

    const isApproval = (span: ReceivedSpan) =>
      span.service === 'reform' && span.attributes['graphql.operation.type'] === 'mutation' && String(span.attributes['graphql.source']).includes('approveStaffingProposal');
    const received = (event: string, service: string) => (span: ReceivedSpan) =>
      span.service === service && span.kind === SPAN_KIND.consumer && span.attributes['ps.event.type'] === event && span.attributes['ps.delivery.outcome'] === 'applied';
    const spans = await traceAfter(
      since,
      isApproval,
      (trace) => trace.some(received('StaffingProposalApproved', 'organization')) && trace.some(received('QuotaChanged', 'reform')),
      'the approval’s trace through organization’s consumer and back to reform',
    );

    const mutation = spans.find(isApproval) as ReceivedSpan;
    expect(ancestry(mutation, spans).at(-1)).toMatchObject({ service: 'gateway', kind: SPAN_KIND.server, parentSpanId: '' });
    const consumed = spans.find(received('StaffingProposalApproved', 'organization')) as ReceivedSpan;
    const [producer] = ancestry(consumed, spans);
    expect(producer).toMatchObject({
      service: 'reform',
      kind: SPAN_KIND.producer,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': REFORM_TOPIC, 'messaging.operation.type': 'send' },
    });
    expect(ancestry(producer, spans)).toContainEqual(mutation);
    // Organization wrote the quota inside the consumer span (its transaction's statements are its children).
    expect(spans.some((span) => span.service === 'organization' && isPostgres(span) && ancestry(span, spans).includes(consumed))).toBe(true);
    // Its answer (QuotaChanged) reached reform's consumer through organization's producer span, in the same trace.
    const answered = spans.find(received('QuotaChanged', 'reform')) as ReceivedSpan;
    expect(ancestry(answered, spans)[0]).toMatchObject({ service: 'organization', kind: SPAN_KIND.producer });
    expect(ancestry(answered, spans)).toContainEqual(consumed);
  }, 900_000);
});
