import { TODAY } from './policy';

/**
 * How the matrix asks each query: one document per operation, with the fields that would carry
 * data (so a refusal that still answers something shows as a leak), and the variables for a
 * target. Only the owning service's fields, so the same document goes to the gateway and, with
 * the gateway's proof, straight to the subgraph.
 */

/** A unit asked about on a date. */
export interface UnitTarget {
  code: string;
  date: string;
}

/** The fixtures' records of Thanh An that the entity-keyed queries ask for. */
export interface Records {
  organization: string;
  person: string;
  evaluation: string;
  cycle: string;
  proposal: string;
}

export interface Probe {
  query: string;
  variables: Record<string, unknown>;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The queries keyed by a unit, asked about a unit on a date. */
export const UNIT_PROBES: Record<string, (target: UnitTarget) => Probe> = {
  unit: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: unit(code: $code, asOf: $asOf) { code name path } }', variables: { code, asOf: date } }),
  units: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: units(parentCode: $code, asOf: $asOf) { code name path } }', variables: { code, asOf: date } }),
  statistics: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: statistics(code: $code, asOf: $asOf) { code unitsByTier { tier count } } }', variables: { code, asOf: date } }),
  compareStatistics: ({ code, date }) => ({
    query: 'query ($code: ID!, $from: LocalDate!, $to: LocalDate!) { r: compareStatistics(code: $code, from: $from, to: $to) { changes { measure from to } } }',
    variables: { code, from: date, to: date },
  }),
  organizations: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: organizations(unitCode: $code, asOf: $asOf) { id name unitCode } }', variables: { code, asOf: date } }),
  dutyOverlaps: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: dutyOverlaps(unitCode: $code, asOf: $asOf, includeSubunits: true) { unitCode matchedText } }',
    variables: { code, asOf: date },
  }),
  staffingQuota: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: staffingQuota(holderKind: UNIT, holderId: $code, asOf: $asOf) { amount unitCode } }',
    variables: { code, asOf: date },
  }),
  quotaHistory: ({ code }) => ({ query: 'query ($code: ID!) { r: quotaHistory(holderKind: UNIT, holderId: $code) { amount unitCode } }', variables: { code } }),
  searchOrganizations: ({ code, date }) => ({
    query: 'query ($code: ID, $asOf: LocalDate) { r: searchOrganizations(text: "Đảng", unitCode: $code, asOf: $asOf, first: 5) { id name unitCode } }',
    variables: { code, asOf: date },
  }),
  auditTrail: ({ code }) => ({
    query: 'query ($code: ID!, $to: LocalDate!) { r: auditTrail(unitCode: $code, from: "1990-01-01", to: $to) { organization(first: 5) { entries { operation } } } }',
    variables: { code, to: TODAY },
  }),
  users: ({ code }) => ({ query: 'query ($code: String!) { r: users(unitCode: $code) { username unitCode } }', variables: { code } }),
  clientApps: ({ code }) => ({ query: 'query ($code: String!) { r: clientApps(unitCode: $code) { clientId name unitCode } }', variables: { code } }),
  people: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: people(unitCode: $code, asOf: $asOf) { id fullName unitCode category personalData { masked personalId birthDate homePlace } } }',
    variables: { code, asOf: date },
  }),
  vacantSeats: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: vacantSeats(unitCode: $code, asOf: $asOf) { seatId unitCode title } }', variables: { code, asOf: date } }),
  concurrentTitleHolders: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: concurrentTitleHolders(unitCode: $code, asOf: $asOf, titleCodes: ["COMMUNE_PARTY_SECRETARY", "COMMUNE_COMMITTEE_CHAIR"]) { unitCode unitName } }',
    variables: { code, asOf: date },
  }),
  cadrePlanning: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: cadrePlanning(unitCode: $code, term: "2025-2030", asOf: $asOf) { unitCode entries { id } } }',
    variables: { code, asOf: date },
  }),
  rotations: ({ code, date }) => ({ query: 'query ($code: ID!, $asOf: LocalDate) { r: rotations(unitCode: $code, asOf: $asOf) { id personId fromUnitCode } }', variables: { code, asOf: date } }),
  rewardProposals: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate, $year: Int!) { r: rewardProposals(unitCode: $code, year: $year, asOf: $asOf) { id fullName unitCode } }',
    variables: { code, asOf: date, year: yearOf(date) },
  }),
  restructuringSurplus: ({ code, date }) => ({
    query: 'query ($code: ID!, $date: LocalDate!) { r: restructuringSurplus(unitCode: $code, date: $date) { organizationId organizationName headcountAfter } }',
    variables: { code, date },
  }),
  downsizingCandidates: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate, $year: Int!) { r: downsizingCandidates(unitCode: $code, year: $year, asOf: $asOf) { id fullName unitCode } }',
    variables: { code, asOf: date, year: yearOf(date) },
  }),
  evaluations: ({ code, date }) => ({ query: 'query ($code: ID!, $year: Int!) { r: evaluations(unitCode: $code, year: $year) { id fullName unitCode } }', variables: { code, year: yearOf(date) } }),
  evaluationCycles: ({ code, date }) => ({ query: 'query ($code: ID!, $year: Int!) { r: evaluationCycles(unitCode: $code, year: $year) { id unitCode kind } }', variables: { code, year: yearOf(date) } }),
  ratingReport: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate, $year: Int!) { r: ratingReport(unitCode: $code, year: $year, asOf: $asOf) { unitCode unitName total { total } } }',
    variables: { code, asOf: date, year: yearOf(date) },
  }),
  ratingReportWorkbook: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate, $year: Int!) { r: ratingReportWorkbook(unitCode: $code, year: $year, asOf: $asOf) { fileName } }',
    variables: { code, asOf: date, year: yearOf(date) },
  }),
  ratingTrend: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate, $year: Int!) { r: ratingTrend(unitCode: $code, fromYear: $year, toYear: $year, asOf: $asOf) { year ratings { total } } }',
    variables: { code, asOf: date, year: yearOf(date) },
  }),
  responsibilityRules: ({ code, date }) => ({
    query: 'query ($code: ID!, $asOf: LocalDate) { r: responsibilityRules(unitCode: $code, asOf: $asOf) { id unitCode titleCode } }',
    variables: { code, asOf: date },
  }),
};

/** The queries keyed by a record (an organization, a person, an evaluation, a cycle, a proposal) of Thanh An, asked today. */
export const RECORD_PROBES: Record<string, (records: Records) => Probe> = {
  organization: ({ organization }) => ({ query: 'query ($id: ID!) { r: organization(id: $id) { id name unitCode } }', variables: { id: organization } }),
  organizationQuota: ({ organization }) => ({ query: 'query ($id: ID!) { r: organizationQuota(organizationId: $id) { amount unitCode } }', variables: { id: organization } }),
  organizationSeats: ({ organization }) => ({ query: 'query ($id: ID!) { r: organizationSeats(organizationId: $id) { seatId title unitCode } }', variables: { id: organization } }),
  person: ({ person }) => ({
    query: 'query ($id: ID!) { r: person(id: $id) { id fullName unitCode category personalData { masked personalId birthDate homePlace } } }',
    variables: { id: person },
  }),
  titleEligibility: ({ person }) => ({
    query: 'query ($id: ID!) { r: titleEligibility(personId: $id, titleCode: "COMMUNE_COMMITTEE_CHAIR") { personId eligible criteria { __typename } } }',
    variables: { id: person },
  }),
  downsizingCheck: ({ person }) => ({
    query: 'query ($id: ID!) { r: downsizingCheck(personId: $id, groundCode: "RESTRUCTURING_SURPLUS", volunteered: false) { groundCode allowed exclusions { __typename } } }',
    variables: { id: person },
  }),
  annualScore: ({ person }) => ({
    query: `query ($id: ID!) { r: annualScore(personId: $id, subject: CIVIL_SERVANT, year: ${yearOf(TODAY)}) { personId points daysWorked } }`,
    variables: { id: person },
  }),
  evaluation: ({ evaluation }) => ({ query: 'query ($id: ID!) { r: evaluation(id: $id) { id fullName unitCode } }', variables: { id: evaluation } }),
  periodScores: ({ cycle }) => ({ query: 'query ($id: ID!) { r: periodScores(cycleId: $id) { id personId unitCode periodFrom } }', variables: { id: cycle } }),
  staffingProposal: ({ proposal }) => ({ query: 'query ($id: ID!) { r: staffingProposal(id: $id) { id title unitCode } }', variables: { id: proposal } }),
};

/** The queries without a key: answered rows must lie inside the caller's territory (`territory-list`) or be the nation's (`everyone`). */
export const LIST_PROBES: Record<string, (date: string) => Probe> = {
  searchUnits: (date) => ({ query: 'query ($asOf: LocalDate) { r: searchUnits(text: "an", asOf: $asOf, first: 50) { code path } }', variables: { asOf: date } }),
  staffingProposalsAwaiting: () => ({ query: '{ r: staffingProposalsAwaiting(step: APPRAISAL) { id unitCode title } s: staffingProposalsAwaiting(step: APPROVAL) { id unitCode title } }', variables: {} }),
  titles: (date) => ({ query: 'query ($asOf: LocalDate) { r: titles(asOf: $asOf) { code } }', variables: { asOf: date } }),
  managementRules: (date) => ({ query: 'query ($asOf: LocalDate) { r: managementRules(asOf: $asOf) { __typename } }', variables: { asOf: date } }),
  downsizingRules: (date) => ({ query: 'query ($asOf: LocalDate) { r: downsizingRules(asOf: $asOf) { code } }', variables: { asOf: date } }),
  ratingRuleSets: (date) => ({ query: 'query ($asOf: LocalDate) { r: ratingRuleSets(asOf: $asOf) { code } }', variables: { asOf: date } }),
  ratingRuleSetInForce: (date) => ({ query: 'query ($date: LocalDate!) { r: ratingRuleSetInForce(appliesTo: CIVIL_SERVANT, date: $date) { code } }', variables: { date } }),
  downsizingTriggers: (date) => ({ query: 'query ($asOf: LocalDate) { r: downsizingTriggers(asOf: $asOf) { code } }', variables: { asOf: date } }),
  sourceDocuments: (date) => ({ query: 'query ($asOf: LocalDate) { r: sourceDocuments(asOf: $asOf) { id number } }', variables: { asOf: date } }),
};
