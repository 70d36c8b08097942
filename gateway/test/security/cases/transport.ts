import { DEFAULT_EDGE_SETTINGS } from '@ps/service-kit';
import { malformedRequests, sendMalformed, type MalformedRequest } from '@ps/testing';
import { deflateSync } from 'node:zlib';
import { fromRaw, type Expected } from '../exchange';
import { TARGETS, tokenOf, urlOf, type Case } from '../targets';

const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/** Beyond the shared table: other methods, content types and encodings the README promises to refuse. */
const MORE_MALFORMED: MalformedRequest[] = [
  { name: 'DELETE', method: 'DELETE', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'PATCH', method: 'PATCH', body: TYPENAME, status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'multipart/form-data', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\n\r\n${TYPENAME}\r\n--x--`, status: 415, code: 'CONTENT_TYPE_UNSUPPORTED' },
  { name: 'application/graphql', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }', status: 415, code: 'CONTENT_TYPE_UNSUPPORTED' },
  { name: 'a JSON null', body: 'null', status: 400, code: 'BODY_NOT_JSON' },
  { name: 'deflate that is not deflate', headers: { 'content-encoding': 'deflate' }, body: TYPENAME, status: 400, code: 'BAD_REQUEST' },
  { name: 'a real deflate of a batch', headers: { 'content-encoding': 'deflate' }, body: deflateSync(`[${TYPENAME},${TYPENAME}]`), status: 400, code: 'BATCH_UNSUPPORTED' },
];

/** What some refusals must say beyond their code. */
function moreExpected(request: MalformedRequest, bodyLimitBytes: number): Partial<Expected> {
  if (request.code === 'METHOD_NOT_ALLOWED') return { header: ['allow', /^POST$/] };
  if (request.code === 'BODY_TOO_LARGE') return { details: { limitBytes: bodyLimitBytes } };
  if (request.name === 'bytes that are not UTF-8') return { details: { reason: 'TEXT_INVALID_UNICODE' } };
  if (request.name === 'variables that are a string') return { details: { field: 'variables' } };
  if (request.name === 'an operationName that is an object') return { details: { field: 'operationName' } };
  return {};
}

/** Malformed transport, the same on the gateway and every subgraph (signed, so a subgraph judges the request itself). */
export function transportCases(): Case[] {
  const limit = DEFAULT_EDGE_SETTINGS.bodyLimitBytes;
  const requests = [...malformedRequests(limit), ...MORE_MALFORMED];
  return TARGETS.flatMap((target) =>
    requests.map((request) => ({
      target,
      kind: 'transport' as const,
      name: request.name,
      send: async () => fromRaw(await sendMalformed(urlOf(target), request, tokenOf('transport'))),
      expected: { status: request.status, code: request.code, ...moreExpected(request, limit) },
    })),
  );
}
