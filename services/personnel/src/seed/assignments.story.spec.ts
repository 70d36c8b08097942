import { DEMO_POSTS, DEMO_SECRETARY_CHAIRS, demoAssignments, type DemoPostPlace } from './assignments.story';

const COMMUNES = ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810'];
const place = (unitCode: string, tier: DemoPostPlace['tier']): DemoPostPlace => ({
  unitCode, tier, organizations: { PARTY_COMMITTEE: `party-${unitCode}`, PEOPLES_COMMITTEE: `committee-${unitCode}` },
  people: Array.from({ length: 12 }, (_, index) => `${unitCode}-${index}`),
});
const places = [place('720', 'DISTRICT'), ...COMMUNES.map((code) => place(code, 'COMMUNE'))];
const assignments = demoAssignments(places);

describe('demoAssignments', () => {
  it('fills every post of the district and the twelve communes', () => {
    expect(assignments).toHaveLength(DEMO_POSTS.DISTRICT.length + 12 * DEMO_POSTS.COMMUNE.length);
    expect(assignments.filter((row) => row.titleCode === 'COMMUNE_PARTY_SECRETARY').map((row) => row.unitCode)).toEqual(COMMUNES);
  });

  it('makes the Party secretary the People’s Committee chair, concurrently, in exactly three communes', () => {
    const concurrent = assignments.filter((row) => row.concurrent);
    expect(concurrent.map((row) => [row.unitCode, row.titleCode])).toEqual(DEMO_SECRETARY_CHAIRS.map((code) => [code, 'COMMUNE_COMMITTEE_CHAIR']));
    for (const row of concurrent) {
      const secretary = assignments.find((other) => other.unitCode === row.unitCode && other.titleCode === 'COMMUNE_PARTY_SECRETARY');
      expect(secretary?.personId).toBe(row.personId);
    }
  });

  it('gives each person one primary post, each post to a person of its place, the same on every run', () => {
    const primary = assignments.filter((row) => !row.concurrent).map((row) => row.personId);
    expect(new Set(primary).size).toBe(primary.length);
    expect(assignments.every((row) => row.personId.startsWith(`${row.unitCode}-`) && row.organizationId.endsWith(row.unitCode))).toBe(true);
    expect(demoAssignments(places)).toEqual(assignments);
  });

  it('refuses a place with too few people for its posts', () => {
    expect(() => demoAssignments([{ ...place('25801', 'COMMUNE'), people: ['only-one'] }])).toThrow(RangeError);
  });
});
