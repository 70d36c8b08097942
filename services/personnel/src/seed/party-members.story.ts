import { isInForce, type Period } from '@ps/effective-dating';
import { Gender, PersonnelCategory } from '../person/person.kinds';
import { genderCenturyDigit } from '../person/personal-id.rules';

/**
 * The seed story's Party members of Huyện Dầu Tiếng: 742 when the district was re-established
 * (in force on 1999-12-31) and 2,320 in September 2013, as published. The people are fictional:
 * names read "… Mẫu 0001", and every personal ID starts with province code 000, which no real
 * CCCD carries and `registerPerson` refuses (PROVINCE_CODE), so demo data can never name a
 * real person nor collide with one.
 */
export const DEMO_PARTY_FIGURES = [
  { on: '1999-12-31', members: 742 },
  { on: '2013-09-16', members: 2320 },
] as const;

/** The province code of demo personal IDs: outside 001–096, never issued. */
export const DEMO_PERSONAL_ID_PROVINCE = '000';

/** A grassroots Party organization the members are spread over. */
export interface DemoPartyOrganization extends Period {
  id: string;
  unitCode: string;
  /** The organization's name: the story's order of organizations, unlike the id that organization's seed draws anew on every run. */
  name: string;
}

export interface DemoPartyMember {
  fullName: string;
  personalId: string;
  birthDate: string;
  gender: Gender;
  category: PersonnelCategory;
  unitCode: string;
  partyOrganizationId: string;
  /** Since when a member of this Party organization: the person's file starts that day too. */
  joinedOn: string;
  admissionDate: string;
  officialDate: string;
  cardNumber: string;
}

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng'];
const CATEGORIES = Object.values(PersonnelCategory);
const DAY_MS = 86_400_000;

/** mulberry32: a small deterministic generator, so every run seeds the same people. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
const between = (random: () => number, from: string, to: string) => dateOf(dayNumber(from) + random() * (dayNumber(to) - dayNumber(from) + 1));
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');

/** Code-unit order, the same under every locale and database collation. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The organizations in the story's order, by name and start: neither their ids (random on every
 * organization seed) nor the order a query lists them in may decide who joins which, or the
 * posts and the managing bodies that follow from it would change from run to run.
 */
function inStoryOrder(organizations: readonly DemoPartyOrganization[]): DemoPartyOrganization[] {
  return [...organizations].sort((a, b) => compare(a.name, b.name) || compare(a.validFrom, b.validFrom));
}

/**
 * The demo members, the same on every run (seed 720) whatever ids the organizations were given:
 * those of 1999 joined the re-established district's organizations during 1999 (admitted to the
 * Party earlier), the rest were admitted from 2000 to the story's date; each into a grassroots
 * organization in force that day.
 */
export function demoPartyMembers(organizations: readonly DemoPartyOrganization[], seed = 720): DemoPartyMember[] {
  const random = generator(seed);
  const [then, now] = DEMO_PARTY_FIGURES;
  const ordered = inStoryOrder(organizations);
  return Array.from({ length: now.members }, (_, index) => {
    const founding = index < then.members;
    const joinedOn = founding ? (random() < 0.9 ? '1999-01-01' : between(random, '1999-01-02', then.on)) : between(random, '2000-01-01', now.on);
    const admissionDate = founding ? between(random, '1965-01-01', '1998-12-31') : joinedOn;
    const open = ordered.filter((organization) => isInForce(organization, joinedOn));
    if (open.length === 0) throw new RangeError(`no grassroots Party organization in force on ${joinedOn}`);
    const organization = open[Math.floor(random() * open.length)];
    const gender = random() < 0.6 ? Gender.MALE : Gender.FEMALE;
    const birthDate = between(random, `${Number(admissionDate.slice(0, 4)) - 40}-01-01`, `${Number(admissionDate.slice(0, 4)) - 19}-12-31`);
    const serial = String(index + 1).padStart(4, '0');
    return {
      fullName: `${FAMILY_NAMES[index % FAMILY_NAMES.length]} ${gender === Gender.MALE ? 'Văn' : 'Thị'} Mẫu ${serial}`,
      personalId: demoPersonalId(gender, birthDate, index + 1),
      birthDate,
      gender,
      category: CATEGORIES[index % CATEGORIES.length],
      unitCode: organization.unitCode,
      partyOrganizationId: organization.id,
      joinedOn,
      admissionDate,
      officialDate: addYears(admissionDate, 1),
      cardNumber: `MAU-${String(index + 1).padStart(6, '0')}`,
    };
  });
}

/** 000 (demo), the gender and century digit, the birth year's last two digits, a serial of six. */
export function demoPersonalId(gender: Gender, birthDate: string, serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  return `${DEMO_PERSONAL_ID_PROVINCE}${genderCenturyDigit(gender, year)}${birthDate.slice(2, 4)}${String(serial).padStart(6, '0')}`;
}
