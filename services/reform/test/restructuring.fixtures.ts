import { randomUUID } from 'node:crypto';
import { ORGANIZATION_TOPIC } from '@ps/contracts';
import type { OutgoingMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { changeOn, eventually, graphqlRequest, queryEntities, tokenFor } from '@ps/testing';

/** Xã An Lập and Xã Định Hiệp merged into Xã Thanh An, which keeps its code (the 2025 commune reform). */
export const MERGER = {
  predecessorCodes: ['25801', '25798', '25807'], successorCode: '25807', successorName: 'Xã Thanh An',
  change: {
    effectiveDate: '2025-07-01', reason: 'Sắp xếp đơn vị hành chính cấp xã',
    decision: { number: '1685/NQ-UBTVQH15', date: '2025-06-16', signer: 'Chủ tịch Quốc hội', issuer: 'NA_STANDING_COMMITTEE' },
  },
};

/** The restructuring events reform follows, as organization publishes them. */
export const FOLLOWED = ['UnitsMerged', 'UnitDissolved', 'OrganizationClosed'];

/** Calls a GraphQL operation as a demo user; the test fails on any error. */
export async function ask<Data>(url: string, username: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await graphqlRequest<Data>(url, query, { token: await tokenFor(username), variables });
  expect(response.errors).toBeUndefined();
  return response.data as Data;
}

/** A mutation `name(input: $input) { id }` answered with the id. */
export async function created(url: string, username: string, name: string, inputType: string, input: Record<string, unknown>): Promise<string> {
  const data = await ask<Record<string, { id: string }>>(url, username, `mutation ($input: ${inputType}!) { ${name}(input: $input) { id } }`, { input });
  return data[name].id;
}

/** What a plan read answers: its id, unit and tasks with their organizations. */
export interface PlanRead {
  id: string;
  unitCode: string;
  validFrom: string;
  tasks: Array<{ title: string; organizationIds: string[] }>;
}
const PLAN = 'id unitCode validFrom tasks { title organizationIds }';

/** `plans(asOf)` of units or organizations through the subgraph's `_entities`, by key. */
export async function plansOf(url: string, username: string, typename: 'AdministrativeUnit' | 'Organization', keys: string[], asOf: string): Promise<Record<string, PlanRead[]>> {
  const field = typename === 'AdministrativeUnit' ? 'code' : 'id';
  const response = await queryEntities<Record<string, unknown> & { plans: PlanRead[] }>(
    url, typename, keys.map((key) => ({ [field]: key })), `${field} plans(asOf: "${asOf}") { ${PLAN} }`, await tokenFor(username),
  );
  expect(response.errors).toBeUndefined();
  return Object.fromEntries((response.data?._entities ?? []).map((entity) => [String(entity[field]), entity.plans]));
}

/** Plans counted under each unit by the roll-up as of a date. */
export async function plansCounted(url: string, username: string, codes: string[], asOf: string): Promise<Record<string, number>> {
  const response = await queryEntities<{ code: string; progress: { plans: number } }>(
    url, 'AdministrativeUnit', codes.map((code) => ({ code })), `code progress(asOf: "${asOf}") { plans }`, await tokenFor(username),
  );
  expect(response.errors).toBeUndefined();
  return Object.fromEntries((response.data?._entities ?? []).map(({ code, progress }) => [code, progress.plans]));
}

/** A proposal as the restructuring tests read it. */
export interface MovedProposalRead {
  unitCode: string;
  organizationId: string;
  status: string;
  steps: Array<{ step: string; comment: string | null; effectiveDate: string }>;
}

/** One proposal as a user sees it (null outside their territory). */
export async function proposalAs(url: string, username: string, id: string): Promise<MovedProposalRead | null> {
  const data = await ask<{ staffingProposal: MovedProposalRead | null }>(url, username, 'query ($id: ID!) { staffingProposal(id: $id) { unitCode organizationId status steps { step comment effectiveDate } } }', { id });
  return data.staffingProposal;
}

/** Everything following a restructuring writes: it must not change when the events come again. */
export async function followed(reform: RunningService): Promise<Record<string, unknown>> {
  const [counts] = await reform.dataSource.query(`SELECT
      (SELECT count(*)::int FROM reform_plan) AS plans, (SELECT count(*)::int FROM reform_task) AS tasks,
      (SELECT count(*)::int FROM staffing_proposal_step) AS steps, (SELECT count(*)::int FROM audit_log) AS audit,
      (SELECT count(*)::int FROM decision) AS decisions, (SELECT count(*)::int FROM reform_organization_succession) AS "organizationSuccessions",
      (SELECT count(*)::int FROM reform_unit_succession) AS "unitSuccessions"`);
  const proposals = await reform.dataSource.query('SELECT id, unit_code, organization_id, status, placed_on::text FROM staffing_proposal ORDER BY id');
  const tasks = await reform.dataSource.query('SELECT id, organization_ids, valid_from::text, valid_to::text FROM reform_task ORDER BY id, valid_from');
  return { ...counts, proposals, tasks };
}

/**
 * The restructuring events organization published, each twice: as delivered (same event id:
 * the inbox refuses it) and replayed under a new id (the follower finds nothing left to move).
 */
export async function redeliveries(organization: RunningService): Promise<{ messages: OutgoingMessage[]; replayed: number }> {
  const published = (await organization.bus.readAll(ORGANIZATION_TOPIC)).filter((message) => FOLLOWED.includes(JSON.parse(message.value ?? '{}').type));
  const again = published.map((message) => ({ topic: ORGANIZATION_TOPIC, key: message.key ?? '', value: message.value ?? '', headers: message.headers }));
  const replays = again.map((message) => ({ ...message, value: JSON.stringify({ ...JSON.parse(message.value), id: randomUUID() }) }));
  return { messages: [...again, ...replays], replayed: replays.length };
}

/** Waits until a consumer of reform has read everything on organization's topic. */
export function caughtUp(reform: RunningService, consumer: string): Promise<true> {
  return eventually(async () => ((await reform.bus.consumerLag(consumer, ORGANIZATION_TOPIC)) === 0 ? true : undefined), { what: `${consumer} caught up` });
}

/** A step's decision, numbered after the step. */
export const on = (date: string, number: string) => changeOn(date, { number });
