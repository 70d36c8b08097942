import { FamilyRelation } from '../family/family-member.kinds';
import type { FamilyDetailsInput } from '../family/family-member.rules';
import { DEMO_CADRES } from './cadre-planning.story';

/** When the demo cadres declared their families: the 2015–2020 planning round (form 2C updated). */
export const FAMILY_DECLARED_ON = '2013-10-01';

/** A demo cadre's family member: fictional, named after the cadre ("… Mẫu Q06 bố"). */
const member = (cadre: string, relation: FamilyRelation, given: string, birthYear: number, occupation: string | null, residence: string | null): FamilyDetailsInput => {
  const { fullName } = DEMO_CADRES.find((demo) => demo.key === cadre) ?? { fullName: '' };
  const familyName = fullName.split(' ')[0];
  return { relation, fullName: `${familyName} ${given} Mẫu ${cadre}`, birthYear, occupation, residence };
};

const HOME = 'Dữ liệu mẫu – Dầu Tiếng, Bình Dương';

/** The families of three demo cadres of the planning story (the two rotated young cadres and the first planned secretary). */
export const DEMO_FAMILIES: ReadonlyArray<{ cadre: string; members: readonly FamilyDetailsInput[] }> = [
  {
    cadre: 'Q01',
    members: [
      member('Q01', FamilyRelation.MOTHER, 'Thị Mẹ', 1940, 'Nông dân (đã nghỉ)', HOME),
      { relation: FamilyRelation.SPOUSE, fullName: 'Lê Thị Vợ Mẫu Q01', birthYear: 1967, occupation: 'Giáo viên (dữ liệu mẫu)', residence: HOME },
      member('Q01', FamilyRelation.CHILD, 'Văn Con', 1990, 'Kỹ sư (dữ liệu mẫu)', 'Dữ liệu mẫu – Thủ Dầu Một, Bình Dương'),
    ],
  },
  {
    cadre: 'Q06',
    members: [
      member('Q06', FamilyRelation.FATHER, 'Văn Bố', 1955, 'Cựu chiến binh', HOME),
      member('Q06', FamilyRelation.MOTHER, 'Thị Mẹ', 1958, 'Buôn bán nhỏ', HOME),
      member('Q06', FamilyRelation.SIBLING, 'Thị Em', 1986, 'Công nhân (dữ liệu mẫu)', HOME),
    ],
  },
  {
    cadre: 'Q07',
    members: [
      member('Q07', FamilyRelation.FATHER, 'Văn Bố', 1956, 'Nông dân', HOME),
      { relation: FamilyRelation.SPOUSE, fullName: 'Thạch Văn Chồng Mẫu Q07', birthYear: 1982, occupation: 'Kế toán (dữ liệu mẫu)', residence: HOME },
      member('Q07', FamilyRelation.CHILD, 'Thị Con', 2010, null, HOME),
      { relation: FamilyRelation.SPOUSE_MOTHER, fullName: 'Thạch Thị Mẹ Mẫu Q07', birthYear: 1960, occupation: null, residence: HOME },
    ],
  },
];
