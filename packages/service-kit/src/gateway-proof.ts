import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  GATEWAY_PROOF_HEADER,
  GATEWAY_TIMESTAMP_HEADER,
  verifyGatewayProof,
} from '@ps/gateway-proof';
import type { NextFunction, Request, Response } from 'express';

const RAW_BODY = Symbol('raw body');
type WithRawBody = IncomingMessage & { [RAW_BODY]?: Buffer };

/** body-parser `verify` hook: keeps the bytes as received, which the gateway's proof covers. */
export function keepRawBody(request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  (request as WithRawBody)[RAW_BODY] = body;
}

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Refuses, with 403 GATEWAY_PROOF_REQUIRED, every request that does not carry the gateway's
 * proof over its method, path and body; runs before the token is read.
 */
export function requireGatewayProof(secret: string) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    try {
      verifyGatewayProof(
        secret,
        { method: request.method, path: request.originalUrl, body: (request as WithRawBody)[RAW_BODY] },
        { proof: header(request, GATEWAY_PROOF_HEADER), timestamp: header(request, GATEWAY_TIMESTAMP_HEADER) },
      );
      next();
    } catch (error) {
      next(error); // GATEWAY_PROOF_REQUIRED, answered as GraphQL JSON, 403, by the edge
    }
  };
}
