import { registerEnumType } from 'type-graphql';

/** Trình độ giáo dục phổ thông: the general schooling completed. */
export enum EducationLevel {
  PRIMARY = 'PRIMARY',
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  UPPER_SECONDARY = 'UPPER_SECONDARY',
}

/** Trình độ chuyên môn: the highest professional qualification. */
export enum ProfessionalLevel {
  ELEMENTARY = 'ELEMENTARY',
  INTERMEDIATE = 'INTERMEDIATE',
  COLLEGE = 'COLLEGE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTORATE = 'DOCTORATE',
}

/** Trình độ lý luận chính trị. */
export enum PoliticalTheoryLevel {
  ELEMENTARY = 'ELEMENTARY',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  BACHELOR = 'BACHELOR',
}

/** Bồi dưỡng quản lý nhà nước: the programme completed, named after the rank it prepares for. */
export enum StateManagementTraining {
  OFFICER = 'OFFICER',
  PRINCIPAL_OFFICER = 'PRINCIPAL_OFFICER',
  SENIOR_OFFICER = 'SENIOR_OFFICER',
}

registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: 'Trình độ giáo dục phổ thông / general education',
  valuesConfig: {
    PRIMARY: { description: 'Tiểu học (5/12)' },
    LOWER_SECONDARY: { description: 'Trung học cơ sở (9/12)' },
    UPPER_SECONDARY: { description: 'Trung học phổ thông (12/12)' },
  },
});
registerEnumType(ProfessionalLevel, {
  name: 'ProfessionalLevel',
  description: 'Trình độ chuyên môn cao nhất / highest professional qualification',
  valuesConfig: {
    ELEMENTARY: { description: 'Sơ cấp' },
    INTERMEDIATE: { description: 'Trung cấp' },
    COLLEGE: { description: 'Cao đẳng' },
    BACHELOR: { description: 'Đại học' },
    MASTER: { description: 'Thạc sĩ' },
    DOCTORATE: { description: 'Tiến sĩ' },
  },
});
registerEnumType(PoliticalTheoryLevel, {
  name: 'PoliticalTheoryLevel',
  description: 'Trình độ lý luận chính trị / political theory',
  valuesConfig: {
    ELEMENTARY: { description: 'Sơ cấp' },
    INTERMEDIATE: { description: 'Trung cấp' },
    ADVANCED: { description: 'Cao cấp' },
    BACHELOR: { description: 'Cử nhân' },
  },
});
registerEnumType(StateManagementTraining, {
  name: 'StateManagementTraining',
  description: 'Bồi dưỡng quản lý nhà nước / state-management training',
  valuesConfig: {
    OFFICER: { description: 'Chương trình chuyên viên' },
    PRINCIPAL_OFFICER: { description: 'Chương trình chuyên viên chính' },
    SENIOR_OFFICER: { description: 'Chương trình chuyên viên cao cấp' },
  },
});
