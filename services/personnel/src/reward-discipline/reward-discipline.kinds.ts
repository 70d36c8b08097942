import { registerEnumType } from 'type-graphql';

/** Whose discipline: the Party's (of a member) or the employer's (of a cadre, civil servant, public employee). */
export enum DisciplineSystem {
  PARTY = 'PARTY',
  ADMINISTRATIVE = 'ADMINISTRATIVE',
}

/** Hình thức kỷ luật, mildest first; which apply to whom is in discipline.rules.ts. */
export enum DisciplineForm {
  REPRIMAND = 'REPRIMAND',
  WARNING = 'WARNING',
  SALARY_DEMOTION = 'SALARY_DEMOTION',
  DEMOTION = 'DEMOTION',
  REMOVAL = 'REMOVAL',
  RECALL = 'RECALL',
  DISMISSAL = 'DISMISSAL',
  EXPULSION = 'EXPULSION',
}

/** Hình thức khen thưởng. */
export enum RewardForm {
  COMMENDATION = 'COMMENDATION',
  CERTIFICATE_OF_MERIT = 'CERTIFICATE_OF_MERIT',
  EMULATION_TITLE = 'EMULATION_TITLE',
  MEDAL = 'MEDAL',
}

registerEnumType(DisciplineSystem, {
  name: 'DisciplineSystem',
  description: 'Kỷ luật Đảng hay kỷ luật hành chính / Party or administrative discipline',
  valuesConfig: {
    PARTY: { description: 'Kỷ luật đảng viên' },
    ADMINISTRATIVE: { description: 'Kỷ luật cán bộ, công chức, viên chức' },
  },
});
registerEnumType(DisciplineForm, {
  name: 'DisciplineForm',
  description: 'Hình thức kỷ luật / form of discipline',
  valuesConfig: {
    REPRIMAND: { description: 'Khiển trách' },
    WARNING: { description: 'Cảnh cáo' },
    SALARY_DEMOTION: { description: 'Hạ bậc lương' },
    DEMOTION: { description: 'Giáng chức' },
    REMOVAL: { description: 'Cách chức' },
    RECALL: { description: 'Bãi nhiệm' },
    DISMISSAL: { description: 'Buộc thôi việc' },
    EXPULSION: { description: 'Khai trừ (khỏi Đảng)' },
  },
});
registerEnumType(RewardForm, {
  name: 'RewardForm',
  description: 'Hình thức khen thưởng / form of reward',
  valuesConfig: {
    COMMENDATION: { description: 'Giấy khen' },
    CERTIFICATE_OF_MERIT: { description: 'Bằng khen' },
    EMULATION_TITLE: { description: 'Danh hiệu thi đua (vd. Chiến sĩ thi đua)' },
    MEDAL: { description: 'Huân chương, huy chương' },
  },
});
