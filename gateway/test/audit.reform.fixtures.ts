import { graphqlRequest, tokenFor } from '@ps/testing';
import type { Fixture } from './audit.fixtures';
import { gatewayUrl } from './platform';

/** What the reform fixtures take from the audit spec's others: the ids later calls need, the decision helper, Thanh An and its users. */
export interface ReformFixtureContext {
  ids: Record<string, string>;
  local: (number: string, effectiveDate: string) => { effectiveDate: string; reason: string; decision: { number: string; date: string; signer: string } };
  thanhAn: string;
  commune: string;
  city: string;
  board: string;
}

/** The reform service's mutations, in the order they run: the plan and its contents, then a staffing proposal through every step. */
export function reformFixtures({ ids, local, thanhAn, commune, city, board }: ReformFixtureContext): Array<[string, Fixture]> {
  const DRAFT_PROPOSAL = 'mutation ($input: DraftStaffingProposalInput!) { draftStaffingProposal(input: $input) { id } }';

  /** A staffing proposal of Thanh An for its economic department, drafted on the numbered document. */
  const proposalDraft = (number: string) => ({
    unitCode: thanhAn, organizationId: ids.economy, title: 'Đề án bổ sung biên chế Phòng Kinh tế', increase: 1,
    positions: [{ jobPosition: 'Chuyên viên quản lý đất đai', titleCode: 'LAND_CONSTRUCTION', count: 1 }],
    justification: 'Khối lượng hồ sơ đất đai tăng sau sắp xếp', workloadEvidence: 'Báo cáo 15/BC-UBND', change: local(number, '2026-06-01'),
  });

  /** Another proposal drafted (and submitted, if asked) by the commune before a fixture ends it. */
  async function draftedProposal(number: string, submitted: boolean): Promise<string> {
    const token = await tokenFor(commune);
    const drafted = await graphqlRequest<{ draftStaffingProposal: { id: string } }>(gatewayUrl, DRAFT_PROPOSAL, { token, variables: { input: proposalDraft(number) } });
    const id = drafted.data?.draftStaffingProposal.id ?? '';
    const submit = 'mutation ($input: ProposalStepInput!) { submitStaffingProposal(input: $input) { id } }';
    if (submitted) await graphqlRequest(gatewayUrl, submit, { token, variables: { input: { proposalId: id, change: local(`${number}-TTr`, '2026-06-02') } } });
    return id;
  }

  return [
    ['createReformPlan', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: CreateReformPlanInput!) { createReformPlan(input: $input) { id } }',
      variables: () => ({ input: { unitCode: thanhAn, title: 'Sắp xếp bộ máy xã', resolutionRef: '18-NQ/TW', change: local('21/QĐ-UBND', '2026-02-01') } }),
      keep: (data) => void (ids.plan = data.createReformPlan.id as string) }],
    // The decision goes first: its number, not the document's, is the one the audit row shows.
    ['recordSourceDocument', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: RecordSourceDocumentInput!) { recordSourceDocument(input: $input) { id } }',
      variables: () => ({ input: { change: local('61/VP-UBND', '2026-02-02'), unitCode: thanhAn, kind: 'RESOLUTION', number: '18-NQ/TW',
        title: 'Nghị quyết Hội nghị Trung ương 6 khóa XII về tinh gọn tổ chức bộ máy', issuedOn: '2017-10-25', issuer: 'Ban Chấp hành Trung ương', level: 'CENTRAL' } }) }],
    ['assignReformTask', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: AssignReformTaskInput!) { assignReformTask(input: $input) { id } }',
      variables: () => ({ input: { planId: ids.plan, title: 'Rà soát chức năng, nhiệm vụ các phòng', organizationIds: [ids.committee], ownerPersonId: ids.person,
        deadline: '2026-06-30', change: local('62/QĐ-UBND', '2026-02-03') } }),
      keep: (data) => void (ids.task = data.assignReformTask.id as string) }],
    ['reportTaskProgress', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { id } }',
      variables: () => ({ input: { taskId: ids.task, completion: 40, evidence: 'Biên bản rà soát', links: [], change: local('63/BC-UBND', '2026-03-01') } }) }],
    ['addReformIndicator', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: AddReformIndicatorInput!) { addReformIndicator(input: $input) { id } }',
      variables: () => ({ input: { planId: ids.plan, name: 'Công chức đạt chuẩn', measure: '%', target: 100, change: local('64/QĐ-UBND', '2026-02-03') } }),
      keep: (data) => void (ids.indicator = data.addReformIndicator.id as string) }],
    ['recordIndicatorActual', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: 'mutation ($input: RecordIndicatorActualInput!) { recordIndicatorActual(input: $input) { id } }',
      variables: () => ({ input: { indicatorId: ids.indicator, periodFrom: '2026-01-01', periodTo: '2026-03-31', actual: 80, change: local('65/BC-UBND', '2026-04-05') } }) }],
    ['draftStaffingProposal', { service: 'reform', user: commune, unitCode: thanhAn, creates: true,
      query: DRAFT_PROPOSAL,
      variables: () => ({ input: proposalDraft('22/ĐA-UBND') }),
      keep: (data) => void (ids.proposal = data.draftStaffingProposal.id as string) }],
    ['submitStaffingProposal', { service: 'reform', user: commune, unitCode: thanhAn, creates: false,
      query: 'mutation ($input: ProposalStepInput!) { submitStaffingProposal(input: $input) { id } }',
      variables: () => ({ input: { proposalId: ids.proposal, change: local('23/TTr-UBND', '2026-06-02') } }) }],
    ['appraiseStaffingProposal', { service: 'reform', user: board, unitCode: thanhAn, creates: false,
      query: 'mutation ($input: ProposalStepInput!) { appraiseStaffingProposal(input: $input) { id } }',
      variables: () => ({ input: { proposalId: ids.proposal, comment: 'Đủ căn cứ vị trí việc làm', change: local('24/BC-BTC', '2026-06-03') } }) }],
    ['withdrawStaffingProposal', { service: 'reform', user: commune, unitCode: thanhAn, creates: false,
      prepare: async () => void (ids.withdrawnProposal = await draftedProposal('26/ĐA-UBND', false)),
      query: 'mutation ($input: ProposalStepInput!) { withdrawStaffingProposal(input: $input) { id } }',
      variables: () => ({ input: { proposalId: ids.withdrawnProposal, comment: 'Đã điều chuyển biên chế nội bộ', change: local('27/CV-UBND', '2026-06-05') } }) }],
    ['rejectStaffingProposal', { service: 'reform', user: city, unitCode: thanhAn, creates: false,
      prepare: async () => void (ids.rejectedProposal = await draftedProposal('28/ĐA-UBND', true)),
      query: 'mutation ($input: ProposalStepInput!) { rejectStaffingProposal(input: $input) { id } }',
      variables: () => ({ input: { proposalId: ids.rejectedProposal, comment: 'Chưa đủ căn cứ khối lượng công việc', change: local('30/QĐ-UBND', '2026-06-06') } }) }],
    // Last: the approval sets off organization's quota change and reform's APPLIED, each audited on its own.
    ['approveStaffingProposal', { service: 'reform', user: city, unitCode: thanhAn, creates: false,
      follows: [{ service: 'organization', operation: 'raiseQuotaForProposal' }, { service: 'reform', operation: 'applyStaffingProposal' }],
      query: 'mutation ($input: ProposalStepInput!) { approveStaffingProposal(input: $input) { id } }',
      variables: () => ({ input: { proposalId: ids.proposal, change: local('25/QĐ-UBND', '2026-06-04') } }) }],
  ];
}
