import {
  GATEWAY_PROOF_HEADER,
  GATEWAY_TIMESTAMP_HEADER,
  GatewayProofRequiredError,
  gatewayProofHeaders,
  verifyGatewayProof,
  type ProvedRequest,
} from './gateway-proof';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const NOW = 1_750_000_000_000;
const request: ProvedRequest = { method: 'POST', path: '/graphql', body: '{"query":"{ unit(code: \\"720\\") { code } }"}' };

const presented = (headers: Record<string, string>) => ({
  proof: headers[GATEWAY_PROOF_HEADER],
  timestamp: headers[GATEWAY_TIMESTAMP_HEADER],
});
const reasonOf = (attempt: () => void): string | undefined => {
  try {
    attempt();
    return undefined;
  } catch (error) {
    return error instanceof GatewayProofRequiredError ? error.reason : `unexpected ${String(error)}`;
  }
};

describe('gateway proof', () => {
  const signed = presented(gatewayProofHeaders(SECRET, request, NOW));

  it('accepts the request it was made for, within the window', () => {
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, signed, { now: NOW + 29_000 }))).toBeUndefined();
    expect(reasonOf(() => verifyGatewayProof(SECRET, { ...request, body: Buffer.from(String(request.body)) }, signed, { now: NOW }))).toBeUndefined();
  });

  it('refuses a request without a proof, with a malformed time, or signed too long ago', () => {
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, {}, { now: NOW }))).toBe('MISSING');
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, { ...signed, timestamp: '1e12' }, { now: NOW }))).toBe('MALFORMED');
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, signed, { now: NOW + 31_000 }))).toBe('EXPIRED');
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, signed, { now: NOW - 31_000 }))).toBe('EXPIRED');
  });

  it('refuses a proof replayed on another body, path or method, or made with another secret', () => {
    const mismatch = (changed: ProvedRequest, secret = SECRET) => reasonOf(() => verifyGatewayProof(secret, changed, signed, { now: NOW }));
    expect(mismatch({ ...request, body: '{"query":"mutation { x }"}' })).toBe('MISMATCH');
    expect(mismatch({ ...request, path: '/graphql?x=1' })).toBe('MISMATCH');
    expect(mismatch({ ...request, method: 'GET' })).toBe('MISMATCH');
    expect(mismatch(request, `${SECRET}-other`)).toBe('MISMATCH');
    expect(reasonOf(() => verifyGatewayProof(SECRET, request, { ...signed, timestamp: String(NOW + 1) }, { now: NOW }))).toBe('MISMATCH');
  });

  it('answers 403 with a stable code and a Vietnamese-first message', () => {
    const error = new GatewayProofRequiredError('MISSING');
    expect(error.extensions).toMatchObject({ code: 'GATEWAY_PROOF_REQUIRED', details: { reason: 'MISSING' }, http: { status: 403 } });
    expect(error.message).toMatch(/^Dịch vụ này chỉ nhận yêu cầu qua cổng API .* \/ This service only accepts requests through the API gateway/);
  });
});
