import type { DataSource } from 'typeorm';
import { FamilyMemberService } from '../family/family-member.service';
import { PersonService } from '../person/person.service';
import { demoChange, SEED_PRINCIPAL } from './cadre-planning.seed';
import { DEMO_CADRES } from './cadre-planning.story';
import { DEMO_FAMILIES, FAMILY_DECLARED_ON } from './family.story';

/**
 * Records the demo cadres' families (family.story.ts) through the family-member service, its
 * rules and audit rows, once: a cadre whose file already holds a family member is left alone.
 */
export async function seedDemoFamilies(dataSource: DataSource): Promise<number> {
  const family = new FamilyMemberService(dataSource, new PersonService(dataSource));
  let recorded = 0;
  for (const { cadre, members } of DEMO_FAMILIES) {
    const personalId = DEMO_CADRES.find((demo) => demo.key === cadre)?.personalId;
    const [person] = await dataSource.query(
      'SELECT DISTINCT person.id, EXISTS (SELECT 1 FROM family_member member WHERE member.person_id = person.id) AS "hasFamily" FROM person WHERE personal_id = $1',
      [personalId],
    );
    if (!person || person.hasFamily) continue;
    for (const details of members) {
      await family.record(SEED_PRINCIPAL, { personId: person.id, ...details, change: demoChange(FAMILY_DECLARED_ON, 'kê khai quan hệ gia đình (mẫu 2C)') });
      recorded += 1;
    }
  }
  return recorded;
}
