import { Gender } from '../person/person.kinds';
import { personalIdOf } from '../person/personal-id.rules';
import { ageOn } from '../rules/age';
import { DEMO_CADRES, DEMO_PLANNED_TITLES, DEMO_PLANNING, DEMO_ROTATIONS } from './cadre-planning.story';

describe('the demo planning story', () => {
  const keys = new Set(DEMO_CADRES.map((cadre) => cadre.key));

  it('plans only its own fictional cadres, with demo personal IDs no one else has', () => {
    for (const cadre of DEMO_CADRES) {
      expect(cadre.fullName).toContain(`Mẫu ${cadre.key}`);
      expect(cadre.personalId.startsWith('000')).toBe(true);
      expect(() => personalIdOf(cadre.personalId, cadre.gender, Number(cadre.birthDate.slice(0, 4)))).toThrow(/000/);
    }
    expect(new Set(DEMO_CADRES.map((cadre) => cadre.personalId)).size).toBe(DEMO_CADRES.length);
    expect(DEMO_PLANNED_TITLES.flatMap((title) => title.cadres).every((key) => keys.has(key))).toBe(true);
  });

  it('stays within three people per title and three titles per person', () => {
    expect(Math.max(...DEMO_PLANNED_TITLES.map((title) => title.cadres.length))).toBeLessThanOrEqual(3);
    const titlesOf = (key: string) => DEMO_PLANNED_TITLES.filter((title) => title.cadres.includes(key)).length;
    expect(Math.max(...DEMO_CADRES.map((cadre) => titlesOf(cadre.key)))).toBeLessThanOrEqual(3);
  });

  it('rotates two planned cadres under 35 for at least 36 months', () => {
    const planned = new Set(DEMO_PLANNED_TITLES.flatMap((title) => title.cadres));
    for (const rotation of DEMO_ROTATIONS) {
      const cadre = DEMO_CADRES.find((candidate) => candidate.key === rotation.cadre);
      expect(planned.has(rotation.cadre)).toBe(true);
      expect(cadre && ageOn(cadre.birthDate, rotation.startsOn)).toBeLessThan(35);
      expect(rotation.plannedEndOn >= `${Number(rotation.startsOn.slice(0, 4)) + 3}${rotation.startsOn.slice(4)}`).toBe(true);
    }
    expect(DEMO_PLANNING.approvedOn < DEMO_ROTATIONS[0].startsOn).toBe(true);
  });

  it('has women among a quarter or more of its cadres', () => {
    expect(DEMO_CADRES.filter((cadre) => cadre.gender === Gender.FEMALE).length / DEMO_CADRES.length).toBeGreaterThanOrEqual(0.25);
  });
});
