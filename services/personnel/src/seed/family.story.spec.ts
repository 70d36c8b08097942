import { SINGLE_RELATIONS } from '../family/family-member.kinds';
import { familyDetailsOf } from '../family/family-member.rules';
import { DEMO_CADRES } from './cadre-planning.story';
import { DEMO_FAMILIES, FAMILY_DECLARED_ON } from './family.story';

describe('the demo families', () => {
  it('belong to demo cadres, every member fictional ("Mẫu" and the cadre’s key) and passing the family rules on the declaration date', () => {
    for (const { cadre, members } of DEMO_FAMILIES) {
      const person = DEMO_CADRES.find((demo) => demo.key === cadre);
      expect(person).toBeDefined();
      for (const member of members) {
        expect(member.fullName).toContain(`Mẫu ${cadre}`);
        expect(() => familyDetailsOf(member, FAMILY_DECLARED_ON, Number(person?.birthDate.slice(0, 4)))).not.toThrow();
      }
    }
  });

  it('hold a father, mother, spouse or parent-in-law at most once per cadre', () => {
    for (const { members } of DEMO_FAMILIES) {
      const single = members.filter((member) => SINGLE_RELATIONS.includes(member.relation)).map((member) => member.relation);
      expect(new Set(single).size).toBe(single.length);
    }
  });
});
