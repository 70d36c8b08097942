import { registerEnumType } from 'type-graphql';

/**
 * The four rating levels, as evaluation names them (`RATING_LEVELS` of the contract). The
 * GraphQL enum is evaluation's `RatingLevel`, declared with the same values so the two subgraphs
 * compose into one enum.
 */
export enum RatingLevel {
  HTXS = 'HTXS',
  HTT = 'HTT',
  HTNV = 'HTNV',
  KHTNV = 'KHTNV',
}

registerEnumType(RatingLevel, {
  name: 'RatingLevel',
  description: 'Mức xếp loại / rating level',
  valuesConfig: {
    HTXS: { description: 'Hoàn thành xuất sắc nhiệm vụ / excellent' },
    HTT: { description: 'Hoàn thành tốt nhiệm vụ / good' },
    HTNV: { description: 'Hoàn thành nhiệm vụ / completed' },
    KHTNV: { description: 'Không hoàn thành nhiệm vụ / not completed' },
  },
});

/** Whom a rating applies to (`RATED_SUBJECTS` of the contract; evaluation's `RuleSubject`, same values). */
export enum RuleSubject {
  CIVIL_SERVANT = 'CIVIL_SERVANT',
  PUBLIC_EMPLOYEE = 'PUBLIC_EMPLOYEE',
  PARTY_MEMBER = 'PARTY_MEMBER',
  PARTY_ORGANIZATION = 'PARTY_ORGANIZATION',
}

registerEnumType(RuleSubject, {
  name: 'RuleSubject',
  description: 'Đối tượng áp dụng của bộ quy tắc xếp loại / whom a rating rule set applies to',
  valuesConfig: {
    CIVIL_SERVANT: { description: 'Công chức / civil servants' },
    PUBLIC_EMPLOYEE: { description: 'Viên chức / public employees' },
    PARTY_MEMBER: { description: 'Đảng viên / Party members' },
    PARTY_ORGANIZATION: { description: 'Tổ chức đảng / Party organisations' },
  },
});

/** A proposal stands, or a later revision of the rating took it back. */
export enum RewardProposalStatus {
  PROPOSED = 'PROPOSED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(RewardProposalStatus, {
  name: 'RewardProposalStatus',
  description: 'Trạng thái đề xuất khen thưởng / status of a reward proposal',
  valuesConfig: {
    PROPOSED: { description: 'Đang đề xuất / proposed' },
    WITHDRAWN: { description: 'Đã rút do xếp loại lại sau khiếu nại / withdrawn by a later revision of the rating' },
  },
});

/** Numeric columns read as numbers (the driver answers a string). */
export const NUMERIC = { from: (value: string | null) => (value === null ? null : Number(value)), to: (value: number | null) => value };
