import { registerEnumType } from 'type-graphql';

/** Whom a rating rule set applies to: one subject per set, since each subject's regime changes on its own date. */
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

/** How a rule set decides the level: bands on a 100-point score, or qualitative conditions per level. */
export enum RatingMethod {
  POINTS = 'POINTS',
  QUALITATIVE = 'QUALITATIVE',
}

registerEnumType(RatingMethod, {
  name: 'RatingMethod',
  description: 'Cách xếp loại / how the level is decided',
  valuesConfig: {
    POINTS: { description: 'Chấm điểm theo thang 100 điểm / bands on a 100-point score' },
    QUALITATIVE: { description: 'Theo tiêu chí định tính từng mức / qualitative conditions per level' },
  },
});

/** What forces a level whatever the score. */
export enum OverrideTrigger {
  DISCIPLINE = 'DISCIPLINE',
  UNIT_CORRUPTION = 'UNIT_CORRUPTION',
}

registerEnumType(OverrideTrigger, {
  name: 'OverrideTrigger',
  description: 'Căn cứ xếp loại bắt buộc / what forces a level whatever the score',
  valuesConfig: {
    DISCIPLINE: { description: 'Bị kỷ luật trong năm / disciplined in the year' },
    UNIT_CORRUPTION: { description: 'Để xảy ra tham nhũng trong đơn vị mình phụ trách (người đứng đầu) / corruption in the unit a leader runs' },
  },
});

/** Where a quota is counted. */
export enum QuotaScope {
  AGENCY = 'AGENCY',
  AGENCY_DUTY_GROUP = 'AGENCY_DUTY_GROUP',
  GRASSROOTS_ORGANIZATION = 'GRASSROOTS_ORGANIZATION',
}

registerEnumType(QuotaScope, {
  name: 'QuotaScope',
  description: 'Phạm vi tính tỷ lệ / where a quota is counted',
  valuesConfig: {
    AGENCY: { description: 'Trong một cơ quan, tổ chức, đơn vị / one agency' },
    AGENCY_DUTY_GROUP: { description: 'Trong một cơ quan và một nhóm nhiệm vụ tương đồng / one agency and one group of similar duties' },
    GRASSROOTS_ORGANIZATION: { description: 'Trong một tổ chức cơ sở đảng / one grassroots Party organisation' },
  },
});

/**
 * Discipline forms from the mildest, as personnel records them; a rule's `minDiscipline` is
 * met by that form or any later one (reprimand or worse is every form).
 */
export const DISCIPLINE_ORDER = ['REPRIMAND', 'WARNING', 'SALARY_DEMOTION', 'DEMOTION', 'REMOVAL', 'RECALL', 'DISMISSAL', 'EXPULSION'] as const;
export type DisciplineFormCode = (typeof DISCIPLINE_ORDER)[number];
