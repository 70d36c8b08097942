import { randomUUID } from 'node:crypto';
import type { Principal } from '@ps/auth';
import { PersonRegistered } from '@ps/contracts';
import { systemActor, writeDated, type ChangeFacts, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { managingAuthorities } from '../management/managing-authority.lookup';
import { Person } from '../person/person.entity';
import { PersonnelCategory } from '../person/person.kinds';
import { PersonService } from '../person/person.service';
import { PlanningService } from '../planning/planning.service';
import { RotationService } from '../rotation/rotation.service';
import { DEMO_CADRES, DEMO_PLANNED_TITLES, DEMO_PLANNING, DEMO_ROTATIONS } from './cadre-planning.story';

/** The seed opens the demo files as the centre. */
const SEED_PRINCIPAL: Principal = { ...systemActor('seed'), tier: 'NATIONAL', capability: 'admin', roles: [], body: null };

/**
 * It plans and rotates a cadre as an officer of the body that manages them on the date, so that
 * management decentralisation, the planning and rotation rules and the kernel apply to it as to
 * anyone; where no rule names a manager, as the centre, which the services then refuse.
 */
async function managerOf(dataSource: DataSource, personId: string, date: string): Promise<Principal> {
  const [authority] = await managingAuthorities(dataSource.manager, [personId], date);
  if (!authority) return SEED_PRINCIPAL;
  return { ...systemActor('seed'), unitCode: authority.unitCode, tier: authority.tier, capability: 'officer', roles: [], body: authority.body };
}

/** Demo data cites no real document: its decision says so. */
const demoChange = (effectiveDate: string, what: string): ChangeFacts => ({
  effectiveDate,
  reason: `Dữ liệu mẫu: ${what} / demo data`,
  decision: { number: 'MINH-HOA/QUY-HOACH-MAU', date: DEMO_PLANNING.approvedOn, signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
});

/**
 * Records the story's 2015–2020 planning list of Huyện Dầu Tiếng and its two rotations through
 * the planning and rotation services (their rules, decisions, audit rows and events), after
 * opening the demo cadres' e-files. What is already there is left alone, so a second run adds nothing.
 */
export async function seedDauTiengPlanning(dataSource: DataSource): Promise<{ cadres: number; planned: number; rotated: number }> {
  const { ids, added } = await openDemoFiles(dataSource);
  const people = new PersonService(dataSource);
  const planning = new PlanningService(dataSource, people);
  const rotations = new RotationService(dataSource, people);
  const idOf = (key: string) => ids.get(key) ?? '';
  let planned = 0;
  for (const { titleCode, cadres } of DEMO_PLANNED_TITLES) {
    for (const key of cadres) {
      const [{ present }] = await dataSource.query(
        'SELECT count(*)::int AS present FROM cadre_planning WHERE person_id = $1 AND title_code = $2 AND unit_code = $3', [idOf(key), titleCode, DEMO_PLANNING.unitCode],
      );
      if (present > 0) continue;
      const change = demoChange(DEMO_PLANNING.approvedOn, `quy hoạch nhiệm kỳ ${DEMO_PLANNING.term}`);
      await planning.add(await managerOf(dataSource, idOf(key), change.effectiveDate), { personId: idOf(key), titleCode, unitCode: DEMO_PLANNING.unitCode, term: DEMO_PLANNING.term, change });
      planned += 1;
    }
  }
  let rotated = 0;
  for (const rotation of DEMO_ROTATIONS) {
    const [{ present }] = await dataSource.query('SELECT count(*)::int AS present FROM rotation WHERE person_id = $1', [idOf(rotation.cadre)]);
    if (present > 0) continue;
    await rotations.start(await managerOf(dataSource, idOf(rotation.cadre), rotation.startsOn), {
      personId: idOf(rotation.cadre), fromUnitCode: DEMO_PLANNING.unitCode, toUnitCode: rotation.toUnitCode, titleCode: rotation.titleCode,
      plannedEndOn: rotation.plannedEndOn, change: demoChange(rotation.startsOn, 'luân chuyển cán bộ trẻ về xã'),
    });
    rotated += 1;
  }
  return { cadres: added, planned, rotated };
}

/** The demo cadres' e-files on the district's staff, opened once in one dated write; their ids by key. */
async function openDemoFiles(dataSource: DataSource): Promise<{ ids: Map<string, string>; added: number }> {
  const change = demoChange(DEMO_PLANNING.fileOpenedOn, 'cán bộ huyện Dầu Tiếng');
  return writeDated(dataSource, { actor: SEED_PRINCIPAL, operation: 'seedDauTiengCadres', change }, async (write) => {
    const existing: Array<{ id: string; personalId: string }> = await write.manager.query(
      'SELECT DISTINCT id, personal_id AS "personalId" FROM person WHERE personal_id = ANY($1)', [DEMO_CADRES.map((cadre) => cadre.personalId)],
    );
    const known = new Map(existing.map((row) => [row.personalId, row.id]));
    const missing = DEMO_CADRES.filter((cadre) => !known.has(cadre.personalId)).map((cadre) => ({ cadre, id: randomUUID() }));
    const [{ path }] = await write.manager.query('SELECT path::text AS path FROM territory_unit WHERE code = $1 ORDER BY valid_from LIMIT 1', [DEMO_PLANNING.unitCode]);
    write.about({ type: 'Person', id: DEMO_PLANNING.unitCode, label: 'Cán bộ huyện Dầu Tiếng (dữ liệu mẫu) / demo cadres', unitCode: DEMO_PLANNING.unitCode, unitPaths: [path] });
    if (missing.length === 0) write.unchanged();
    else await insertCadres(write, missing);
    for (const { cadre, id } of missing) known.set(cadre.personalId, id);
    return { ids: new Map(DEMO_CADRES.map((cadre) => [cadre.key, known.get(cadre.personalId) ?? ''])), added: missing.length };
  });
}

async function insertCadres(write: DatedWrite, rows: ReadonlyArray<{ cadre: (typeof DEMO_CADRES)[number]; id: string }>): Promise<void> {
  const started = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId, validFrom: write.date, validTo: null };
  const birthYear = (birthDate: string) => Number(birthDate.slice(0, 4));
  await write.manager.getRepository(Person).insert(rows.map(({ cadre, id }): QueryDeepPartialEntity<Person> => ({
    ...started, id, fullName: cadre.fullName, personalId: cadre.personalId, birthDate: cadre.birthDate, birthYear: birthYear(cadre.birthDate),
    gender: cadre.gender, ethnicity: cadre.ethnicity, religion: null, homePlace: 'Dữ liệu mẫu – Dầu Tiếng, Bình Dương', category: PersonnelCategory.CADRE,
    unitCode: DEMO_PLANNING.unitCode,
  })));
  write.after({ cadres: rows.length });
  await write.emitMany(PersonRegistered, rows.map(({ cadre, id }) => ({
    payload: {
      personId: id, fullName: cadre.fullName, birthYear: birthYear(cadre.birthDate), gender: cadre.gender, category: PersonnelCategory.CADRE,
      unitCode: DEMO_PLANNING.unitCode, ...write.facts,
    },
    place: { aggregateId: id },
  })));
}
