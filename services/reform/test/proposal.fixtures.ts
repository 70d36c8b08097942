import { randomUUID } from 'node:crypto';
import { changeOn, graphqlRequest, queryEntities, tokenFor, type GraphQLResponse } from '@ps/testing';

/** What the proposal tests select of a proposal. */
export interface ProposalRead {
  id: string;
  status: string;
  increase: number;
  appraisalOpinion: string | null;
  decisionRef: string | null;
  outcomeReason: string | null;
  outcomeCode: string | null;
  appliedQuota: number | null;
  steps: Array<{ step: string; comment: string | null; effectiveDate: string; actor: string }>;
}

export const PROPOSAL = 'id status increase appraisalOpinion decisionRef outcomeReason outcomeCode appliedQuota steps { step comment effectiveDate actor }';

/** A proposal Xã An Lập's officer may draft for one of its organizations; each refusal changes one thing. */
export const draftInput = (organizationId: string = randomUUID(), overrides: Record<string, unknown> = {}) => ({
  unitCode: '25801', organizationId, title: 'Đề án tăng biên chế Văn phòng – Thống kê', increase: 2,
  positions: [{ jobPosition: 'Chuyên viên văn phòng', titleCode: 'OFFICE_STATISTICS', count: 2 }],
  justification: 'Khối lượng thủ tục hành chính tăng gấp đôi sau sáp nhập ấp',
  workloadEvidence: 'Báo cáo số 12/BC-UBND: 4.800 hồ sơ năm 2024',
  change: changeOn('2025-02-01', { number: '01/ĐA-UBND' }),
  ...overrides,
});

/** Calls one proposal mutation with `input` as its caller. */
export async function proposalStep(url: string, mutation: string, username: string, input: Record<string, unknown>): Promise<GraphQLResponse<Record<string, ProposalRead>>> {
  const inputType = mutation === 'draftStaffingProposal' ? 'DraftStaffingProposalInput' : 'ProposalStepInput';
  return graphqlRequest<Record<string, ProposalRead>>(url, `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${PROPOSAL} } }`, {
    token: await tokenFor(username), variables: { input },
  });
}

/** A step's input: the proposal, a comment, the decision, numbered after the step. */
export const stepInput = (proposalId: string, effectiveDate: string, number: string, comment?: string) => ({
  proposalId, comment, change: changeOn(effectiveDate, { number }),
});

/** The caller's inbox for a step, as proposal ids. */
export async function inbox(url: string, username: string, step: 'APPRAISAL' | 'APPROVAL'): Promise<string[] | undefined> {
  const response = await graphqlRequest<{ staffingProposalsAwaiting: Array<{ id: string }> }>(url, `{ staffingProposalsAwaiting(step: ${step}) { id } }`, { token: await tokenFor(username) });
  return response.data?.staffingProposalsAwaiting.map((proposal) => proposal.id);
}

/** `proposals` of units (or organizations) through the subgraph's `_entities`, as id lists. */
export async function proposalsOf(url: string, username: string, typename: 'AdministrativeUnit' | 'Organization', keys: Array<Record<string, string>>): Promise<string[][] | undefined> {
  const response = await queryEntities<{ proposals: Array<{ id: string }> }>(url, typename, keys, 'proposals { id }', await tokenFor(username));
  return response.data?._entities.map((entity) => entity.proposals.map((proposal) => proposal.id));
}
