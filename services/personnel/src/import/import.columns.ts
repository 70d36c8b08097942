import { Gender, PersonnelCategory } from '../person/person.kinds';

/** The columns of a people file, by the field each fills: the headers of the ministry's e-file form. */
export const PEOPLE_COLUMNS = {
  fullName: 'Họ và tên',
  personalId: 'Số CCCD',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  homePlace: 'Quê quán',
  category: 'Đối tượng',
  unitCode: 'Mã đơn vị',
} as const;

/** The columns of a Party membership file; the person is named by personal ID, the Party organization by its id. */
export const MEMBERSHIP_COLUMNS = {
  personalId: 'Số CCCD',
  partyOrganizationId: 'Mã tổ chức Đảng',
  admissionDate: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức',
  cardNumber: 'Số thẻ đảng viên',
} as const;

/** The columns of an assignment file: the person by personal ID, the organization by its id, the catalogue's title code. */
export const ASSIGNMENT_COLUMNS = {
  personalId: 'Số CCCD',
  organizationId: 'Mã tổ chức',
  titleCode: 'Mã chức danh',
  concurrent: 'Kiêm nhiệm',
  seatId: 'Mã ghế',
} as const;

/** The words a concurrent-post cell (Kiêm nhiệm) may hold; blank is a primary post. */
export const CONCURRENT_WORDS: Readonly<Record<string, boolean>> = {
  có: true,
  không: false,
  yes: true,
  no: false,
};

/** The words a gender cell may hold (compared without case), and what each records. */
export const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  nam: Gender.MALE,
  nữ: Gender.FEMALE,
  male: Gender.MALE,
  female: Gender.FEMALE,
};

/** The words a category cell (Đối tượng) may hold, Vietnamese as the law names them or the API's names. */
export const CATEGORY_WORDS: Readonly<Record<string, PersonnelCategory>> = {
  'cán bộ': PersonnelCategory.CADRE,
  'công chức': PersonnelCategory.CIVIL_SERVANT,
  'viên chức': PersonnelCategory.PUBLIC_EMPLOYEE,
  'người lao động': PersonnelCategory.WORKER,
  'người hoạt động không chuyên trách cấp xã': PersonnelCategory.COMMUNE_NON_PROFESSIONAL,
  'không chuyên trách cấp xã': PersonnelCategory.COMMUNE_NON_PROFESSIONAL,
  ...Object.fromEntries(Object.values(PersonnelCategory).map((category) => [category.toLowerCase(), category])),
};

/** What a religion cell says for none: blank, or one of these words. */
export const NO_RELIGION_WORDS: ReadonlySet<string> = new Set(['không', 'none']);
