import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@ps/errors';

/** Header carrying the HMAC-SHA256 (base64url) of the request. */
export const GATEWAY_PROOF_HEADER = 'x-gateway-proof';
/** Header carrying the signing time, milliseconds since the epoch. */
export const GATEWAY_TIMESTAMP_HEADER = 'x-gateway-timestamp';
/** How far a proof's time may lie from the subgraph's clock: the replay window, and the clock skew allowed. */
export const GATEWAY_PROOF_WINDOW_MS = 30_000;
/** Shortest secret accepted (256 bits as hex or base64 characters, and then some). */
export const GATEWAY_PROOF_MIN_SECRET_LENGTH = 32;
export const GATEWAY_PROOF_REQUIRED = 'GATEWAY_PROOF_REQUIRED';

/** What a proof covers: the request line and the body, byte for byte. */
export interface ProvedRequest {
  method: string;
  /** Path with its query string, as on the request line (`/graphql`). */
  path: string;
  /** The body exactly as sent; none counts as empty. */
  body?: string | Uint8Array;
}

/** The headers a request arrived with, as far as the proof goes. */
export interface PresentedProof {
  proof?: string;
  timestamp?: string;
}

export type GatewayProofFailure = 'MISSING' | 'MALFORMED' | 'EXPIRED' | 'MISMATCH';

/** A subgraph was called without a valid proof that the request came through the gateway: 403. */
export class GatewayProofRequiredError extends DomainError {
  constructor(readonly reason: GatewayProofFailure) {
    super(
      GATEWAY_PROOF_REQUIRED,
      {
        vi: 'Dịch vụ này chỉ nhận yêu cầu qua cổng API (thiếu hoặc sai chứng thực của cổng)',
        en: 'This service only accepts requests through the API gateway (missing or invalid gateway proof)',
      },
      { details: { reason }, httpStatus: 403 },
    );
    this.name = 'GatewayProofRequiredError';
  }
}

function signature(secret: string, timestamp: string, request: ProvedRequest): string {
  const bodyDigest = createHash('sha256').update(request.body ?? '').digest('hex');
  return createHmac('sha256', secret)
    .update([timestamp, request.method.toUpperCase(), request.path, bodyDigest].join('\n'))
    .digest('base64url');
}

/** The headers that prove `request` comes from the gateway (or a test holding the same secret). */
export function gatewayProofHeaders(secret: string, request: ProvedRequest, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [GATEWAY_TIMESTAMP_HEADER]: timestamp, [GATEWAY_PROOF_HEADER]: signature(secret, timestamp, request) };
}

/**
 * Checks the proof a request carries; throws GatewayProofRequiredError unless it was signed
 * with `secret` over this very method, path and body, within the window around `now`.
 */
export function verifyGatewayProof(
  secret: string,
  request: ProvedRequest,
  presented: PresentedProof,
  { now = Date.now(), windowMs = GATEWAY_PROOF_WINDOW_MS } = {},
): void {
  const { proof, timestamp } = presented;
  if (!proof || !timestamp) throw new GatewayProofRequiredError('MISSING');
  if (!/^\d{1,15}$/.test(timestamp)) throw new GatewayProofRequiredError('MALFORMED');
  if (Math.abs(now - Number(timestamp)) > windowMs) throw new GatewayProofRequiredError('EXPIRED');
  const expected = Buffer.from(signature(secret, timestamp, request));
  const given = Buffer.from(proof);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new GatewayProofRequiredError('MISMATCH');
  }
}
