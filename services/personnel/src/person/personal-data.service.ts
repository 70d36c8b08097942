import { hasCapability, type Principal } from '@ps/auth';
import { appendReadRows, inForceOn, isStableId } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { FamilyMemberView } from '../family/family-member.type';
import { familyJsonSql, inFormOrder } from '../family/family.lookup';
import { managingAuthoritiesSql } from '../management/managing-authority.lookup';
import { territoryGuard } from '../territory/territory.guard';
import { Person } from './person.entity';
import { personLabel } from './person.service';
import { fieldsHeld, maskPersonalData, PERSONAL_DATA_FIELDS, type PersonalDataValues } from './personal-data.masking';
import { PersonalData } from './personal-data.type';

interface PersonalDataRow extends PersonalDataValues {
  id: string;
  fullName: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
  /** The caller's body and unit manage the person on the date. */
  full: boolean;
}

/**
 * The caller's body, tier and unit as the full-read condition reads them: null parameters (no
 * match) for a viewer, a recorder or a caller in no body.
 */
function managerOf(principal: Principal) {
  const manages = hasCapability(principal, 'officer') && principal.body !== null;
  return manages
    ? { callerBody: principal.body, callerTier: principal.tier, callerUnit: principal.unitCode }
    : { callerBody: null, callerTier: null, callerUnit: null };
}

/** Personal data of people in the caller's territory, in full or masked as decentralisation says. */
export class PersonalDataService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Personal data on `asOf` of the people asked whose unit lay inside the caller's territory
   * that day (others are left out). Whether each is read in full is decided in the same SQL
   * statement for the whole batch: the caller is an officer or admin of the body and unit that
   * manage the person then; the family in force that day comes with the same statement. The
   * full reads are recorded in the audit trail with one INSERT before anything is answered, each
   * naming the fields that held data (`family` when a member is on the file); masked reads, and
   * full reads of files holding no personal data, are not recorded.
   */
  async read(principal: Principal, personIds: readonly string[], asOf: string): Promise<Map<string, PersonalData>> {
    const ids = personIds.filter(isStableId);
    if (ids.length === 0) return new Map();
    const rows = await this.rows(principal, ids, asOf);
    // A file with no personal data (registered before the e-file) reveals nothing when read in full.
    const full = rows.map((row) => ({ row, fields: fieldsHeld(row) })).filter(({ row, fields }) => row.full && fields.length > 0);
    await appendReadRows(this.dataSource.manager, {
      actor: principal,
      operation: 'readPersonalData',
      fields: PERSONAL_DATA_FIELDS,
      asOf,
      subjects: full.map(({ row, fields }) => ({
        type: 'Person',
        id: row.id,
        label: personLabel(row, { name: row.unitName, code: row.unitCode }),
        unitCode: row.unitCode,
        unitPath: row.unitPath,
        fields,
      })),
    });
    return new Map(rows.map((row) => [row.id, personalDataOf(row)]));
  }

  private rows(principal: Principal, ids: string[], asOf: string): Promise<PersonalDataRow[]> {
    const query = this.dataSource.manager
      .createQueryBuilder()
      .addCommonTableExpression(managingAuthoritiesSql(), 'authority')
      .from(Person, 'person')
      .select('person.id', 'id')
      .addSelect('person.full_name', 'fullName')
      .addSelect('person.personal_id', 'personalId')
      .addSelect('person.birth_date::text', 'birthDate')
      .addSelect('person.home_place', 'homePlace')
      .addSelect('person.ethnicity', 'ethnicity')
      .addSelect('person.religion', 'religion')
      .addSelect(familyJsonSql('person.id', ':asOf'), 'family')
      .addSelect('unit.code', 'unitCode')
      .addSelect('unit.name', 'unitName')
      .addSelect('unit.path::text', 'unitPath')
      .addSelect(
        `EXISTS (SELECT 1 FROM authority WHERE authority."personId" = person.id AND authority.body = :callerBody
                    AND authority.tier = :callerTier AND authority."unitCode" = :callerUnit)`,
        'full',
      )
      .where('person.id IN (:...ids)', { ids })
      .andWhere(inForceOn('person', ':asOf'), { asOf })
      .setParameters({ authorityPersonIds: ids, authorityDate: asOf, ...managerOf(principal) });
    return territoryGuard.joinUnitOn(query, principal, 'person.unit_code', asOf).getRawMany<PersonalDataRow>();
  }
}

function personalDataOf(row: PersonalDataRow): PersonalData {
  const { personalId, birthDate, homePlace, ethnicity, religion } = row;
  const values: PersonalDataValues = { personalId, birthDate, homePlace, ethnicity, religion, family: inFormOrder(row.family) };
  const { family, ...shown } = row.full ? values : maskPersonalData(values);
  return Object.assign(new PersonalData(), { masked: !row.full, ...shown, family: family.map((member) => Object.assign(new FamilyMemberView(), member)) });
}
