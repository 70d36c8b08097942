import type { Bilingual } from '../i18n/i18n';
import type { Level, QuotaScope } from '../rating-quota';

/** The rating levels, best first, as reports list them. */
export const LEVELS: readonly Level[] = ['HTXS', 'HTT', 'HTNV', 'KHTNV'];

export const LEVEL_WORDS: Record<Level, Bilingual> = {
  HTXS: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  HTT: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  HTNV: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  KHTNV: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
};

export type Status = 'OPEN' | 'SELF_ASSESSED' | 'COMMENTED' | 'PROPOSED' | 'DECIDED';
export const STATUSES: readonly Status[] = ['OPEN', 'SELF_ASSESSED', 'COMMENTED', 'PROPOSED', 'DECIDED'];

export const STATUS_WORDS: Record<Status, Bilingual> = {
  OPEN: { vi: 'Đã mở phiếu', en: 'Opened' },
  SELF_ASSESSED: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  COMMENTED: { vi: 'Tập thể đã góp ý', en: 'Staff meeting commented' },
  PROPOSED: { vi: 'Đã đề xuất mức', en: 'Level proposed' },
  DECIDED: { vi: 'Đã quyết định', en: 'Decided' },
};

/** The step an evaluation at each status waits for. */
export const AWAITED_WORDS: Record<Status, Bilingual> = {
  OPEN: { vi: 'Cá nhân tự đánh giá', en: 'Self-assessment' },
  SELF_ASSESSED: { vi: 'Tập thể họp góp ý', en: 'Staff meeting comments' },
  COMMENTED: { vi: 'Người quản lý trực tiếp đề xuất', en: 'Direct manager’s proposal' },
  PROPOSED: { vi: 'Người đứng đầu quyết định', en: 'Head’s decision' },
  DECIDED: { vi: 'Đã hoàn thành quy trình', en: 'Workflow complete' },
};

export const SUBJECT_WORDS: Record<string, Bilingual> = {
  CIVIL_SERVANT: { vi: 'Công chức', en: 'Civil servant' },
  PUBLIC_EMPLOYEE: { vi: 'Viên chức', en: 'Public employee' },
  PARTY_MEMBER: { vi: 'Đảng viên', en: 'Party member' },
  PARTY_ORGANIZATION: { vi: 'Tổ chức đảng', en: 'Party organisation' },
};

export const SCOPE_WORDS: Record<QuotaScope, Bilingual> = {
  AGENCY: { vi: 'Trong một cơ quan', en: 'Per agency' },
  AGENCY_DUTY_GROUP: { vi: 'Trong một cơ quan và nhóm nhiệm vụ tương đồng', en: 'Per agency and duty group' },
  GRASSROOTS_ORGANIZATION: { vi: 'Trong một tổ chức cơ sở đảng', en: 'Per grassroots Party organisation' },
};

/** Words the evaluation screens share. */
export const WORDS = {
  level: { vi: 'Mức xếp loại', en: 'Level' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  organization: { vi: 'Cơ quan, tổ chức', en: 'Organization' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  total: { vi: 'Tổng số', en: 'Total' },
} satisfies Record<string, Bilingual>;
