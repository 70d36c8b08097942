import { InvariantViolation } from '@ps/errors';
import { DEMO_USERS, tokenFor } from '@ps/testing';
import { gatewayUrl, subgraphUrl, type ServiceName } from '../platform';
import type { Answer, Expected } from './exchange';

export type TargetName = 'gateway' | ServiceName;
export type Kind = 'transport' | 'date' | 'representation' | 'text' | 'token' | 'limit' | 'schema' | 'proof' | 'rate' | 'latency';

/** One row of the suite: where, what, and the refusal it must get. */
export interface Case {
  target: TargetName;
  kind: Kind;
  name: string;
  /** Sends the request; runs when the case runs, once the callers' tokens are fetched. */
  send: () => Promise<Answer>;
  expected: Expected;
}

/**
 * The demo user each part of the suite calls as. The gateway's rate is counted per token
 * subject, so the rate-limit case and the latency probe each have a caller nobody else uses,
 * and the abuse burst comes from callers of its own.
 */
export const CALLERS = {
  transport: DEMO_USERS.districtOfficer,
  date: DEMO_USERS.provinceAdmin,
  /** May not write: a bad date in a mutation that somehow got through would still write nothing. */
  write: DEMO_USERS.districtViewer,
  text: DEMO_USERS.anLapAdmin,
  schema: DEMO_USERS.anLapOfficer,
  limit: DEMO_USERS.dinhAnAdmin,
  latency: DEMO_USERS.districtAdmin,
  rate: DEMO_USERS.thanhAnAdmin,
  abuse: DEMO_USERS.hcmcAdmin,
  abuseToo: DEMO_USERS.nationalRecorder,
} as const;
export type Caller = keyof typeof CALLERS;

const tokens = new Map<Caller, string>();

/** Fetches every caller's token once, before the first case. */
export async function signInCallers(): Promise<void> {
  for (const [caller, username] of Object.entries(CALLERS)) tokens.set(caller as Caller, await tokenFor(username));
}

export function tokenOf(caller: Caller): string {
  const token = tokens.get(caller);
  if (!token) throw new InvariantViolation(`no token for ${caller}: signInCallers() first`);
  return token;
}

/** An operation on a target and the variables it takes, built around one value. */
export interface Probe {
  query: string;
  variables: (value: unknown) => Record<string, unknown>;
  /** The same operation with the value written into the document (`literal` is GraphQL source), where it can be. */
  literal?: (literal: string) => string;
}

/** A unit of the seeded territory, as a representation the gateway would send a subgraph. */
const unitRepresentation = (fields: Record<string, unknown> = {}) => ({ __typename: 'AdministrativeUnit', code: '25801', asOf: '2025-06-30', ...fields });
const UNIT_LITERAL = '{ __typename: "AdministrativeUnit", code: "25801", asOf: "2025-06-30" }';

/** Where each target takes a key (a unit code) and a date: its own fields, or those it adds to a unit. */
const ENTITY_FIELD: Record<'personnel' | 'evaluation' | 'reform', (args: string) => string> = {
  personnel: (args) => `headcount${args}`,
  evaluation: (args) => `ratingSummary${args} { year total }`,
  reform: (args) => `plans${args} { title }`,
};

export const TARGETS: TargetName[] = ['gateway', 'organization', 'personnel', 'evaluation', 'reform'];

export const urlOf = (target: TargetName): string => (target === 'gateway' ? gatewayUrl : subgraphUrl(target));

/** An operation taking a unit code (`ID`) on each target. */
export function keyProbe(target: TargetName): Required<Probe> {
  if (target === 'gateway' || target === 'organization') {
    return { query: 'query ($key: ID!) { unit(code: $key) { name } }', variables: (key) => ({ key }), literal: (key) => `{ unit(code: ${key}) { name } }` };
  }
  if (target === 'personnel') {
    return { query: 'query ($key: ID!) { people(unitCode: $key) { id } }', variables: (key) => ({ key }), literal: (key) => `{ people(unitCode: ${key}) { id } }` };
  }
  const field = ENTITY_FIELD[target]('');
  return {
    query: `query ($units: [_Any!]!) { _entities(representations: $units) { ... on AdministrativeUnit { ${field} } } }`,
    variables: (code) => ({ units: [unitRepresentation({ code })] }),
    literal: (code) =>
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: ${code}, asOf: "2025-06-30" }]) { ... on AdministrativeUnit { ${field} } } }`,
  };
}

/** An operation taking a date (`LocalDate`) on each target: `asOf` of a unit, or of a field a subgraph adds to it. */
export function dateProbe(target: TargetName): Required<Probe> {
  if (target === 'gateway' || target === 'organization') {
    return {
      query: 'query ($date: LocalDate) { unit(code: "25801", asOf: $date) { name } }',
      variables: (date) => ({ date }),
      literal: (date) => `{ unit(code: "25801", asOf: ${date}) { name } }`,
    };
  }
  const entities = (args: string) => `{ _entities(representations: [${UNIT_LITERAL}]) { ... on AdministrativeUnit { ${ENTITY_FIELD[target](args)} } } }`;
  return { query: `query ($date: LocalDate) ${entities('(asOf: $date)')}`, variables: (date) => ({ date }), literal: (date) => entities(`(asOf: ${date})`) };
}

/** For the subgraphs that add fields to a unit: the unit's representation, with the date the gateway would pass. */
export function representationProbe(target: 'personnel' | 'evaluation' | 'reform'): Probe {
  return {
    query: `query ($units: [_Any!]!) { _entities(representations: $units) { ... on AdministrativeUnit { ${ENTITY_FIELD[target]('')} } } }`,
    variables: (asOf) => ({ units: [unitRepresentation({ asOf })] }),
  };
}

/** A mutation with a dated change on each target, as its input variable around the effective date. */
export function effectiveDateProbe(target: TargetName): Probe {
  const change = (effectiveDate: unknown) => ({
    effectiveDate,
    reason: 'Kiểm thử đầu vào xấu',
    decision: { number: '1/QĐ-KT', date: '2025-01-02', signer: 'Nguyễn Văn Ký' },
  });
  const [mutation, input, fields] = {
    gateway: ['createOrganization', 'CreateOrganizationInput', { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng kiểm thử' }],
    organization: ['createOrganization', 'CreateOrganizationInput', { unitCode: '25801', kind: 'DEPARTMENT', name: 'Phòng kiểm thử' }],
    personnel: ['registerPerson', 'RegisterPersonInput', {
      unitCode: '25801', fullName: 'Nguyễn Văn Thử', personalId: '074090000001', birthDate: '1990-01-01', gender: 'MALE', ethnicity: 'Kinh',
      homePlace: 'Bình Dương', category: 'CIVIL_SERVANT',
    }],
    evaluation: ['recordResponsibilityRule', 'RecordResponsibilityRuleInput', {
      unitCode: '25801', organizationId: '0b6f3c1e-2d4a-4c8e-9f10-5a7b8c9d0e1f', titleCode: 'VAN_PHONG_THONG_KE',
      products: [{ code: 'BAO_CAO', name: 'Báo cáo', weight: 100, expectedQuantity: 1, qualityStandard: 'Đúng thể thức', minQualityPercent: 100, deadlineDay: 25 }],
    }],
    reform: ['createReformPlan', 'CreateReformPlanInput', { unitCode: '25801', title: 'Kế hoạch thử', resolutionRef: '18-NQ/TW' }],
  }[target] as [string, string, Record<string, unknown>];
  return {
    query: `mutation ($input: ${input}!) { ${mutation}(input: $input) { id } }`,
    variables: (date) => ({ input: { ...fields, change: change(date) } }),
  };
}
