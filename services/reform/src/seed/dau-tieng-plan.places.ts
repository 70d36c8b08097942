import { inForceOn } from '@ps/effective-dating';
import { InvariantViolation } from '@ps/errors';
import type { DataSource } from 'typeorm';
import { territoryGuard } from '../territory/territory.guard';
import { STORY_COMMUNES, STORY_DISTRICT, STORY_TASKS, type CommuneBody } from './dau-tieng-plan.story';

const { table, codeColumn } = territoryGuard.source;
/** The story's tasks are assigned from this day: its organizations must be in force then. */
export const FIRST_ASSIGNMENT = STORY_TASKS.map((task) => task.assignedOn).sort()[0];

/** A commune of the story as reform knows it: its name, the organizations tasks go to, and the person answering for them. */
export interface StoryCommune {
  code: string;
  /** "xã An Lập", "thị trấn Dầu Tiếng": as a title names it. */
  name: string;
  bodies: Record<CommuneBody, string>;
  ownerPersonId: string;
}

/** SQL: organizations of the communes ($1) in force on $2 that tasks go to, the Farmers' Union told by its name. */
const BODIES = `
  SELECT organization.id, organization.unit_code AS "unitCode",
         CASE WHEN organization.kind = 'MASS_ORGANIZATION' THEN 'FARMERS_UNION' ELSE organization.kind END AS body
    FROM reform_organization organization
   WHERE organization.unit_code = ANY($1::text[]) AND ${inForceOn('organization', '$2::date')}
     AND (organization.kind IN ('PARTY_COMMITTEE', 'PEOPLES_COMMITTEE') OR (organization.kind = 'MASS_ORGANIZATION' AND organization.name LIKE 'Hội Nông dân%'))`;

/** How much of the story reform has projected: the district and its communes, their organizations, the people. */
export async function storyReadiness(dataSource: DataSource): Promise<{ units: number; bodies: number; people: number }> {
  const units = [STORY_DISTRICT, ...STORY_COMMUNES];
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM ${table} unit WHERE unit.${codeColumn} = ANY($3::text[]) AND ${inForceOn('unit', '$2::date')})::int AS units,
            (SELECT count(*) FROM (${BODIES}) bodies)::int AS bodies,
            (SELECT count(*) FROM reform_person person WHERE person.unit_code = ANY($3::text[]))::int AS people`,
    [STORY_COMMUNES, FIRST_ASSIGNMENT, units],
  );
  return row;
}

/**
 * The story's communes in order, each with its Party committee, People's Committee and Farmers'
 * Union in force on the first assignment, and its owner: the first of its people by name (reform
 * knows no posts; the choice only has to be the same on every run).
 */
export async function storyCommunes(dataSource: DataSource): Promise<StoryCommune[]> {
  const [units, bodies, owners]: [Array<{ code: string; name: string }>, Array<{ id: string; unitCode: string; body: CommuneBody }>, Array<{ id: string; unitCode: string }>] =
    await Promise.all([
      dataSource.query(`SELECT unit.${codeColumn} AS code, unit.name FROM ${table} unit WHERE unit.${codeColumn} = ANY($1::text[]) AND ${inForceOn('unit', '$2::date')}`, [
        STORY_COMMUNES, FIRST_ASSIGNMENT,
      ]),
      dataSource.query(BODIES, [STORY_COMMUNES, FIRST_ASSIGNMENT]),
      dataSource.query(
        'SELECT DISTINCT ON (person.unit_code) person.id, person.unit_code AS "unitCode" FROM reform_person person WHERE person.unit_code = ANY($1::text[]) ORDER BY person.unit_code, person.full_name, person.id',
        [STORY_COMMUNES],
      ),
    ]);
  return STORY_COMMUNES.map((code) => {
    const unit = units.find((candidate) => candidate.code === code);
    const owner = owners.find((candidate) => candidate.unitCode === code);
    const of = (body: CommuneBody) => bodies.find((candidate) => candidate.unitCode === code && candidate.body === body)?.id;
    const found = { PARTY_COMMITTEE: of('PARTY_COMMITTEE'), PEOPLES_COMMITTEE: of('PEOPLES_COMMITTEE'), FARMERS_UNION: of('FARMERS_UNION') };
    if (!unit || !owner || !found.PARTY_COMMITTEE || !found.PEOPLES_COMMITTEE || !found.FARMERS_UNION) {
      throw new InvariantViolation(`commune ${code} of the story lacks its unit, organizations or people in reform: ${JSON.stringify({ unit, owner, found })}`);
    }
    const bodiesOf = { PARTY_COMMITTEE: found.PARTY_COMMITTEE, PEOPLES_COMMITTEE: found.PEOPLES_COMMITTEE, FARMERS_UNION: found.FARMERS_UNION };
    return { code, name: unit.name.charAt(0).toLowerCase() + unit.name.slice(1), bodies: bodiesOf, ownerPersonId: owner.id };
  });
}
