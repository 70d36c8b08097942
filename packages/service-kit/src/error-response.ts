import type { Response } from 'express';
import type { DomainError } from '@ps/errors';

/**
 * Ends a request refused before GraphQL runs (no proof, no token, over the rate) with the
 * error's HTTP status and the same JSON body GraphQL errors have.
 */
export function sendDomainError(response: Response, error: DomainError, fallbackStatus = 400): void {
  const status = Number((error.extensions.http as { status?: number } | undefined)?.status ?? fallbackStatus);
  const { code, details } = error.extensions;
  response.status(status).json({ errors: [{ message: error.message, extensions: { code, ...(details ? { details } : {}) } }] });
}
