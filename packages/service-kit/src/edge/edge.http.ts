import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, ErrorCode, INTERNAL_ERROR_MESSAGE } from '@ps/errors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { keepRawBody } from '../gateway-proof';
import { EdgeError, InvalidTextError, type EdgeFailure } from './edge.errors';
import type { EdgeSettings } from './edge.settings';

/**
 * Express pieces in front of `/graphql`, in order: POST only, JSON in and out, the body read
 * (size limit, utf-8 only), then a well-formed GraphQL request. A refusal is a GraphQL error
 * with JSON body and 4xx status (see `answerEverythingElse`), never express's HTML page.
 */
export function acceptGraphQLRequests(settings: EdgeSettings): RequestHandler[] {
  return [postOnly, jsonOnly, express.json({ limit: settings.bodyLimitBytes, verify: utf8Only }), wellFormedRequest];
}

/**
 * Mounted last: any other path answers 404 ROUTE_NOT_FOUND, and every error on the way (a
 * body parser's, a refused token, an unexpected one) answers as GraphQL JSON: typed errors
 * with their code and status, anything else logged and answered 500 in generic words.
 */
export function answerEverythingElse(app: Express, logger: Logger): void {
  app.use(((_request, _response, next) => next(new EdgeError('ROUTE_NOT_FOUND'))) satisfies RequestHandler);
  app.use(((error, _request, response, next) => {
    if (response.headersSent) return next(error);
    const answer = error instanceof DomainError ? error : (bodyParserRefusal(error) ?? unexpected(logger, error));
    sendGraphQLError(response, answer);
  }) satisfies ErrorRequestHandler);
}

const refusals = new WeakMap<Response, string>();

/** The code the edge refused this request with (`sendGraphQLError`), if it did; for the metrics. */
export function refusalCode(response: Response): string | undefined {
  return refusals.get(response);
}

/** `{ errors: [{ message, extensions: { code, details? } }] }` with the error's HTTP status (400 when it has none). */
export function sendGraphQLError(response: Response, error: DomainError): void {
  refusals.set(response, error.code);
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
  const { details } = error.extensions;
  response.status(status).json({
    errors: [{ message: error.message, extensions: { code: error.code, ...(details === undefined ? {} : { details }) } }],
  });
}

const postOnly: RequestHandler = (request, response, next) => {
  if (request.method === 'POST') return next();
  response.set('allow', 'POST');
  next(new EdgeError('METHOD_NOT_ALLOWED'));
};

const jsonOnly: RequestHandler = (request, _response, next) => {
  // `is` answers null for a request without a body: that one is QUERY_MISSING below.
  if (request.is('application/json') === false) return next(new EdgeError('CONTENT_TYPE_UNSUPPORTED'));
  if (!request.accepts('application/json', 'application/graphql-response+json')) return next(new EdgeError('NOT_ACCEPTABLE'));
  next();
};

/**
 * body-parser's verify hook, on the bytes after decompression: utf-8 declared and utf-8 sent;
 * the bytes are kept for the gateway's proof, which covers them.
 */
function utf8Only(request: IncomingMessage, response: ServerResponse, body: Buffer, charset: string): void {
  if (charset !== 'utf-8') throw new EdgeError('CHARSET_UNSUPPORTED');
  if (!isUtf8(body)) throw new InvalidTextError('TEXT_INVALID_UNICODE', 'body');
  keepRawBody(request, response, body);
}

const wellFormedRequest: RequestHandler = (request, _response, next) => {
  next(requestShapeProblem(request.body) ?? undefined);
};

/** One operation as `{ query, operationName?, variables?, extensions? }`, each of its type. */
function requestShapeProblem(body: unknown): EdgeError | null {
  if (Array.isArray(body)) return new EdgeError('BATCH_UNSUPPORTED');
  const fields = isObject(body) ? body : {};
  if (isObject(fields.extensions) && 'persistedQuery' in fields.extensions) return new EdgeError('PERSISTED_QUERY_NOT_SUPPORTED');
  if (typeof fields.query !== 'string' || fields.query.trim() === '') return new EdgeError('QUERY_MISSING');
  const misshapen = [
    ['variables', isObject],
    ['extensions', isObject],
    ['operationName', (value: unknown) => typeof value === 'string'],
  ] as const;
  const field = misshapen.find(([name, check]) => fields[name] !== undefined && fields[name] !== null && !check(fields[name]));
  return field ? new EdgeError('BAD_REQUEST', { field: field[0] }) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What body-parser (and http-errors) report, by `type`: each condition its own code. */
const BODY_PARSER_FAILURES: Record<string, EdgeFailure> = {
  'entity.parse.failed': 'BODY_NOT_JSON',
  'charset.unsupported': 'CHARSET_UNSUPPORTED',
  'encoding.unsupported': 'CONTENT_ENCODING_UNSUPPORTED',
  'entity.too.large': 'BODY_TOO_LARGE',
};

function bodyParserRefusal(error: unknown): EdgeError | null {
  if (!isObject(error)) return null;
  const failure = typeof error.type === 'string' ? BODY_PARSER_FAILURES[error.type] : undefined;
  if (failure) return new EdgeError(failure, failure === 'BODY_TOO_LARGE' ? { limitBytes: error.limit } : undefined);
  const status = Number(error.status ?? error.statusCode);
  // Another client-side failure (a truncated body, a bad gzip stream, a malformed URL).
  return status >= 400 && status < 500 ? new EdgeError('BAD_REQUEST') : null;
}

function unexpected(logger: Logger, error: unknown): DomainError {
  logger.error({ err: error }, 'unexpected error at the edge');
  return new DomainError(ErrorCode.Internal, INTERNAL_ERROR_MESSAGE, { httpStatus: 500 });
}
