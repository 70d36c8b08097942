import type { Bilingual } from '../i18n/i18n';

/** The names of the e-file's enum values (Vietnamese as the personnel form writes them), by enum. */
export const PERSON_ENUM_WORDS: Record<string, Record<string, Bilingual>> = {
  gender: { MALE: { vi: 'Nam', en: 'Male' }, FEMALE: { vi: 'Nữ', en: 'Female' } },
  category: {
    CADRE: { vi: 'Cán bộ', en: 'Cadre' },
    CIVIL_SERVANT: { vi: 'Công chức', en: 'Civil servant' },
    PUBLIC_EMPLOYEE: { vi: 'Viên chức', en: 'Public employee' },
    WORKER: { vi: 'Người lao động', en: 'Worker' },
    COMMUNE_NON_PROFESSIONAL: { vi: 'Người hoạt động không chuyên trách cấp xã', en: 'Commune non-professional' },
  },
  education: {
    PRIMARY: { vi: 'Tiểu học (5/12)', en: 'Primary (5/12)' },
    LOWER_SECONDARY: { vi: 'Trung học cơ sở (9/12)', en: 'Lower secondary (9/12)' },
    UPPER_SECONDARY: { vi: 'Trung học phổ thông (12/12)', en: 'Upper secondary (12/12)' },
  },
  professional: {
    ELEMENTARY: { vi: 'Sơ cấp', en: 'Elementary' },
    INTERMEDIATE: { vi: 'Trung cấp', en: 'Intermediate' },
    COLLEGE: { vi: 'Cao đẳng', en: 'College' },
    BACHELOR: { vi: 'Đại học', en: 'Bachelor' },
    MASTER: { vi: 'Thạc sĩ', en: 'Master' },
    DOCTORATE: { vi: 'Tiến sĩ', en: 'Doctorate' },
  },
  politicalTheory: {
    ELEMENTARY: { vi: 'Sơ cấp', en: 'Elementary' },
    INTERMEDIATE: { vi: 'Trung cấp', en: 'Intermediate' },
    ADVANCED: { vi: 'Cao cấp', en: 'Advanced' },
    BACHELOR: { vi: 'Cử nhân', en: 'Bachelor' },
  },
  stateManagement: {
    OFFICER: { vi: 'Chương trình chuyên viên', en: 'Officer programme' },
    PRINCIPAL_OFFICER: { vi: 'Chương trình chuyên viên chính', en: 'Principal officer programme' },
    SENIOR_OFFICER: { vi: 'Chương trình chuyên viên cao cấp', en: 'Senior officer programme' },
  },
  relation: {
    FATHER: { vi: 'Bố', en: 'Father' },
    MOTHER: { vi: 'Mẹ', en: 'Mother' },
    SPOUSE: { vi: 'Vợ/chồng', en: 'Spouse' },
    CHILD: { vi: 'Con', en: 'Child' },
    SIBLING: { vi: 'Anh chị em ruột', en: 'Sibling' },
    SPOUSE_FATHER: { vi: 'Bố vợ/chồng', en: 'Father-in-law' },
    SPOUSE_MOTHER: { vi: 'Mẹ vợ/chồng', en: 'Mother-in-law' },
    SPOUSE_SIBLING: { vi: 'Anh chị em ruột của vợ/chồng', en: 'Sibling-in-law' },
  },
  subject: {
    CIVIL_SERVANT: { vi: 'Công chức', en: 'Civil servant' },
    PUBLIC_EMPLOYEE: { vi: 'Viên chức', en: 'Public employee' },
    PARTY_MEMBER: { vi: 'Đảng viên', en: 'Party member' },
    PARTY_ORGANIZATION: { vi: 'Tổ chức đảng', en: 'Party organisation' },
  },
  level: {
    HTXS: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
    HTT: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
    HTNV: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
    KHTNV: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
  },
  disciplineSystem: { PARTY: { vi: 'Kỷ luật đảng viên', en: 'Party discipline' }, ADMINISTRATIVE: { vi: 'Kỷ luật hành chính', en: 'Administrative discipline' } },
  disciplineForm: {
    REPRIMAND: { vi: 'Khiển trách', en: 'Reprimand' },
    WARNING: { vi: 'Cảnh cáo', en: 'Warning' },
    SALARY_DEMOTION: { vi: 'Hạ bậc lương', en: 'Salary demotion' },
    DEMOTION: { vi: 'Giáng chức', en: 'Demotion' },
    REMOVAL: { vi: 'Cách chức', en: 'Removal from office' },
    RECALL: { vi: 'Bãi nhiệm', en: 'Recall' },
    DISMISSAL: { vi: 'Buộc thôi việc', en: 'Dismissal' },
    EXPULSION: { vi: 'Khai trừ (khỏi Đảng)', en: 'Expulsion (from the Party)' },
  },
  rewardForm: {
    COMMENDATION: { vi: 'Giấy khen', en: 'Commendation' },
    CERTIFICATE_OF_MERIT: { vi: 'Bằng khen', en: 'Certificate of merit' },
    EMULATION_TITLE: { vi: 'Danh hiệu thi đua', en: 'Emulation title' },
    MEDAL: { vi: 'Huân chương, huy chương', en: 'Medal' },
  },
  body: { ORGANIZATION_BOARD: { vi: 'Ban Tổ chức của cấp ủy', en: 'Party committee’s organization board' }, HOME_AFFAIRS: { vi: 'Phòng / Sở Nội vụ', en: 'Home-affairs office' } },
};

/** An enum value's name in the language, or the value itself when the console does not know it; '—' for none. */
export function enumWord(tr: (text: Bilingual) => string, kind: keyof typeof PERSON_ENUM_WORDS, value: string | null | undefined): string {
  if (!value) return '—';
  const words = PERSON_ENUM_WORDS[kind]?.[value];
  return words ? tr(words) : value;
}

/** A decision as one line: number, date signed, signer. */
export const decisionLine = (decision: { number: string; decidedOn: string; signer: string } | null | undefined): string =>
  decision ? `${decision.number}, ${decision.decidedOn}, ${decision.signer}` : '—';
