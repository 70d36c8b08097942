import { registerEnumType } from 'type-graphql';

/** Where an evaluation stands: each step moves it on; a decided one changes only through an appeal. */
export enum EvaluationStatus {
  OPEN = 'OPEN',
  SELF_ASSESSED = 'SELF_ASSESSED',
  COMMENTED = 'COMMENTED',
  PROPOSED = 'PROPOSED',
  DECIDED = 'DECIDED',
}

registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: 'Bước của quy trình đánh giá / where an evaluation stands',
  valuesConfig: {
    OPEN: { description: 'Đã mở, chờ tự đánh giá / opened, awaiting self-assessment' },
    SELF_ASSESSED: { description: 'Đã tự đánh giá, chờ họp góp ý / self-assessed' },
    COMMENTED: { description: 'Tập thể đã góp ý, chờ người quản lý trực tiếp đề xuất / staff meeting commented' },
    PROPOSED: { description: 'Người quản lý trực tiếp đã đề xuất, chờ người đứng đầu quyết định / manager proposed' },
    DECIDED: { description: 'Người đứng đầu đã quyết định, công khai kết quả / decided and published' },
  },
});

/** One recorded step of an evaluation. */
export enum EvaluationStepKind {
  OPENED = 'OPENED',
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  STAFF_MEETING = 'STAFF_MEETING',
  MANAGER_PROPOSAL = 'MANAGER_PROPOSAL',
  HEAD_DECISION = 'HEAD_DECISION',
  APPEAL_FILED = 'APPEAL_FILED',
  APPEAL_RESOLVED = 'APPEAL_RESOLVED',
}

registerEnumType(EvaluationStepKind, {
  name: 'EvaluationStepKind',
  description: 'Một bước đã ghi của quy trình đánh giá / a recorded step',
  valuesConfig: {
    OPENED: { description: 'Mở phiếu đánh giá / opened' },
    SELF_ASSESSMENT: { description: 'Cá nhân tự đánh giá / self-assessment' },
    STAFF_MEETING: { description: 'Ý kiến của tập thể tại cuộc họp / staff-meeting comments' },
    MANAGER_PROPOSAL: { description: 'Người quản lý trực tiếp đề xuất mức / the direct manager’s proposal' },
    HEAD_DECISION: { description: 'Người đứng đầu quyết định / the head’s decision' },
    APPEAL_FILED: { description: 'Khiếu nại kết quả / an appeal filed' },
    APPEAL_RESOLVED: { description: 'Giải quyết khiếu nại / an appeal resolved' },
  },
});

/** How an appeal ended, or that it is still open. */
export enum AppealStatus {
  FILED = 'FILED',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

registerEnumType(AppealStatus, {
  name: 'AppealStatus',
  description: 'Trạng thái khiếu nại / an appeal’s status',
  valuesConfig: {
    FILED: { description: 'Đang giải quyết / open' },
    UPHELD: { description: 'Chấp nhận, xếp loại lại / upheld, re-rated' },
    DISMISSED: { description: 'Không chấp nhận, giữ nguyên / dismissed, rating kept' },
  },
});
