import { Gender } from '../person/person.kinds';
import { demoPersonalId } from './party-members.story';

/**
 * The seed story's cadre planning: Huyện Dầu Tiếng plans its leaders for the 2015–2020 term
 * (approved 1 October 2013, under Guide 15-HD/BTCTW) and rotates two promising young district
 * cadres to communes for three years from January 2014, as its 2013 plan said. The people are
 * fictional ("… Mẫu Q01"), their personal IDs under the never-issued province code 000, with
 * serials from 900001 so they never meet the story's Party members.
 */
export const DEMO_PLANNING = { unitCode: '720', term: '2015-2020', approvedOn: '2013-10-01', fileOpenedOn: '2005-01-01' } as const;

export interface DemoCadre {
  key: string;
  fullName: string;
  personalId: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string;
}

const cadre = (serial: number, familyName: string, gender: Gender, birthDate: string, ethnicity = 'Kinh'): DemoCadre => {
  const key = `Q${String(serial).padStart(2, '0')}`;
  return {
    key,
    fullName: `${familyName} ${gender === Gender.MALE ? 'Văn' : 'Thị'} Mẫu ${key}`,
    personalId: demoPersonalId(gender, birthDate, 900_000 + serial),
    birthDate, gender, ethnicity,
  };
};

export const DEMO_CADRES: readonly DemoCadre[] = [
  cadre(1, 'Nguyễn', Gender.MALE, '1965-04-12'),
  cadre(2, 'Trần', Gender.MALE, '1968-09-03'),
  cadre(3, 'Lê', Gender.FEMALE, '1972-02-20'),
  cadre(4, 'Phạm', Gender.MALE, '1979-11-08'),
  cadre(5, 'Huỳnh', Gender.FEMALE, '1970-06-30'),
  cadre(6, 'Võ', Gender.MALE, '1982-03-15'),
  cadre(7, 'Phan', Gender.FEMALE, '1984-08-01', 'Khmer'),
  cadre(8, 'Trương', Gender.MALE, '1975-12-24'),
];

/** Who is planned for which district title (two or three per title, at most two titles each). */
export const DEMO_PLANNED_TITLES: ReadonlyArray<{ titleCode: string; cadres: readonly string[] }> = [
  { titleCode: 'DISTRICT_PARTY_SECRETARY', cadres: ['Q01', 'Q02'] },
  { titleCode: 'DISTRICT_COMMITTEE_CHAIR', cadres: ['Q02', 'Q03', 'Q04'] },
  { titleCode: 'DISTRICT_COUNCIL_CHAIR', cadres: ['Q01', 'Q05'] },
  { titleCode: 'DISTRICT_COMMITTEE_VICE_CHAIR', cadres: ['Q04', 'Q06', 'Q07'] },
  { titleCode: 'DISTRICT_FRONT_CHAIR', cadres: ['Q05', 'Q08'] },
];

/** The two young planned cadres sent to communes for 36 months. */
export const DEMO_ROTATIONS: ReadonlyArray<{ cadre: string; toUnitCode: string; titleCode: string; startsOn: string; plannedEndOn: string }> = [
  { cadre: 'Q06', toUnitCode: '25801', titleCode: 'COMMUNE_PARTY_SECRETARY', startsOn: '2014-01-02', plannedEndOn: '2017-01-02' },
  { cadre: 'Q07', toUnitCode: '25789', titleCode: 'COMMUNE_COMMITTEE_CHAIR', startsOn: '2014-01-02', plannedEndOn: '2017-01-02' },
];
