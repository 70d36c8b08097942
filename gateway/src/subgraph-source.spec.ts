import { GATEWAY_PROOF_HEADER, GATEWAY_TIMESTAMP_HEADER, verifyGatewayProof } from '@ps/gateway-proof';
import { answerJson, codes, post, PROOF_SECRET, startGateway, startStubSubgraph } from './gateway.spec-support';

const UNIT = 'query ($code: ID!, $asOf: LocalDate) { unit(code: $code, asOf: $asOf) { code name } }';
const unit720 = { data: { unit: { code: '720', name: 'Huyện Dầu Tiếng' } } };
type Stub = Awaited<ReturnType<typeof startStubSubgraph>>;

async function withOrganization(stub: Stub, test: (url: string) => Promise<void>, gateway = {}): Promise<void> {
  const started = await startGateway({ subgraphs: { organization: stub.url }, gateway });
  try {
    await test(started.url);
  } finally {
    await started.stop();
    await stub.stop();
  }
}

describe('the gateway towards a subgraph', () => {
  it('signs every request with its proof and forwards the caller’s token', async () => {
    const stub = await startStubSubgraph((_request, response) => answerJson(response, 200, unit720));
    await withOrganization(stub, async (url) => {
      expect((await post(url, { query: UNIT, variables: { code: '720' } }, 'bob')).data).toEqual(unit720.data);
      const [{ headers, body }] = stub.received;
      expect(headers.authorization).toBe('Bearer bob');
      const presented = { proof: String(headers[GATEWAY_PROOF_HEADER]), timestamp: String(headers[GATEWAY_TIMESTAMP_HEADER]) };
      expect(() => verifyGatewayProof(PROOF_SECRET, { method: 'POST', path: '/graphql', body }, presented)).not.toThrow();
    });
  });

  it('passes a subgraph’s client errors on with their code and message, and masks its internal errors', async () => {
    const refusal = {
      message: 'Ngày hiệu lực trước ngày thành lập đơn vị / The effective date precedes the unit',
      extensions: { code: 'BAD_USER_INPUT', details: { reason: 'BEFORE_UNIT' } },
    };
    let status = 400;
    const stub = await startStubSubgraph((_request, response) =>
      answerJson(response, status, status === 500 ? { errors: [{ message: 'relation "x" does not exist' }] } : { errors: [refusal] }),
    );
    await withOrganization(stub, async (url) => {
      const bad = await post(url, { query: UNIT, variables: { code: '720' } });
      expect(bad.errors).toEqual([refusal]);
      expect(bad.data).toEqual({ unit: null });
      status = 500;
      const broken = await post(url, { query: UNIT, variables: { code: '720' } });
      expect(codes(broken)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(broken)).not.toContain('relation');
    });
  });

  it('rejects variables the supergraph itself can refuse with BAD_USER_INPUT, without calling the subgraph', async () => {
    const stub = await startStubSubgraph((_request, response) => answerJson(response, 200, unit720));
    await withOrganization(stub, async (url) => {
      const answer = await post(url, { query: UNIT, variables: { code: { not: 'an id' } } });
      expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
      expect(stub.received).toHaveLength(0);
    });
  });

  it('answers a subgraph that is down with SERVICE_UNAVAILABLE naming it, and null for its fields', async () => {
    const gateway = await startGateway();
    try {
      const answer = await post(gateway.url, { query: UNIT, variables: { code: '720' } });
      expect(answer.data).toEqual({ unit: null });
      expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.details, error.message])).toEqual([
        ['SERVICE_UNAVAILABLE', { service: 'organization' }, 'Dịch vụ organization tạm thời không phản hồi / The organization service is temporarily unavailable'],
      ]);
    } finally {
      await gateway.stop();
    }
  });

  it('retries a query whose connection was reset, never a mutation', async () => {
    let resets = 1;
    const stub = await startStubSubgraph((request, response) => {
      if (resets-- > 0) return void request.socket.destroy();
      answerJson(response, 200, unit720);
    });
    await withOrganization(stub, async (url) => {
      expect((await post(url, { query: UNIT, variables: { code: '720' } })).data).toEqual(unit720.data);
      expect(stub.received).toHaveLength(2);

      resets = 1;
      const change = { effectiveDate: '2026-01-01', reason: 'Đổi tên', decision: { number: '1/NQ', date: '2025-12-01', signer: 'Chủ tịch', issuer: 'NA_STANDING_COMMITTEE' } };
      const mutation = await post(url, {
        query: 'mutation ($input: UnitChangeInput!) { renameUnit(input: $input) { effectiveDate } }',
        variables: { input: { code: '720', name: 'Huyện Dầu Tiếng mới', change } },
      });
      expect(stub.received).toHaveLength(3); // sent once, not again
      expect(codes(mutation)).toContain('SERVICE_UNAVAILABLE');
    });
  });
});

describe('the per-caller rate limit', () => {
  it('answers 429 with Retry-After and RATE_LIMITED once a caller spent the window, and only that caller', async () => {
    const gateway = await startGateway({ gateway: { rateLimit: { requests: 3, windowSeconds: 60 } } });
    try {
      for (let i = 0; i < 3; i += 1) expect((await post(gateway.url, { query: '{ __typename }' }, 'carol')).status).toBe(200);
      const limited = await post(gateway.url, { query: '{ __typename }' }, 'carol');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.errors).toEqual([
        { message: expect.stringMatching(/^Quá nhiều yêu cầu.* \/ Too many requests/), extensions: { code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } } },
      ]);
      expect((await post(gateway.url, { query: '{ __typename }' }, 'dave')).status).toBe(200);
    } finally {
      await gateway.stop();
    }
  });
});
