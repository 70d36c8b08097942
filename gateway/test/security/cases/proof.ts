import { gatewayProofHeaders, GATEWAY_PROOF_HEADER, GATEWAY_TIMESTAMP_HEADER } from '@ps/gateway-proof';
import { infrastructure } from '@ps/testing';
import { send } from '../exchange';
import { tokenOf, urlOf, type Case } from '../targets';

const SUBGRAPHS = ['organization', 'personnel', 'evaluation', 'reform'] as const;

/** What a subgraph is asked without the gateway: its SDL, and entities as the query planner asks for them. */
const OPERATIONS: Array<[name: string, body: string]> = [
  ['_service { sdl }', JSON.stringify({ query: '{ _service { sdl } }' })],
  ['_entities', JSON.stringify({
    query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
    variables: { r: [{ __typename: 'AdministrativeUnit', code: '720', asOf: '2025-06-30' }] },
  })],
];

const secret = () => infrastructure.gatewayProofSecret;
const signed = (body: string, now = Date.now(), key = secret()) => gatewayProofHeaders(key, { method: 'POST', path: '/graphql', body }, now);

/** Each way a proof fails, as the headers a caller without the secret (or with a stale one) could send. */
const FAILURES: Array<[name: string, reason: string, headers: (body: string) => Record<string, string>]> = [
  ['no proof', 'MISSING', () => ({})],
  ['a proof without its timestamp', 'MISSING', (body) => ({ [GATEWAY_PROOF_HEADER]: signed(body)[GATEWAY_PROOF_HEADER] })],
  ['a timestamp that is no number', 'MALFORMED', (body) => ({ ...signed(body), [GATEWAY_TIMESTAMP_HEADER]: 'yesterday' })],
  ['a proof two minutes old', 'EXPIRED', (body) => signed(body, Date.now() - 120_000)],
  ['a proof from two minutes ahead', 'EXPIRED', (body) => signed(body, Date.now() + 120_000)],
  ['a proof over another body', 'MISMATCH', () => signed(JSON.stringify({ query: '{ __typename }' }))],
  ['a proof under another secret', 'MISMATCH', (body) => signed(body, Date.now(), `${secret()}-but-not-quite`)],
];

/** 403 GATEWAY_PROOF_REQUIRED with the reason, on every subgraph, with a valid token: only the proof is missing. */
export function proofCases(): Case[] {
  return SUBGRAPHS.flatMap((target) =>
    OPERATIONS.flatMap(([operation, body]) =>
      FAILURES.map(([failure, reason, headers]): Case => ({
        target,
        kind: 'proof',
        name: `${operation} with ${failure}`,
        send: () => send({ url: urlOf(target), body, token: tokenOf('date'), proof: headers(body) }),
        expected: { status: 403, code: 'GATEWAY_PROOF_REQUIRED', details: { reason } },
      })),
    ),
  );
}
