import type { Principal } from '@ps/auth';
import { In, type DataSource } from 'typeorm';
import { stampVersion } from '../organization/effective-version.entity';
import { Organization } from '../organization/organization.entity';
import { unitInTerritory, withinTerritory } from '../organization/organization.scope';
import type { UnitService } from '../unit/unit.service';
import { validOn } from '../territory/validity';
import { Duty } from './duty.entity';
import { DutyOverlap } from './duty-overlap.types';

interface OverlapRow {
  first: string;
  second: string;
  unitCode: string;
  matchedText: string;
}

/** Finds functions and duties held twice inside one unit: a defect the reorganization must remove. */
export class DutyOverlapService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitService,
  ) {}

  /**
   * Every pair of duties in force on `asOf`, held by two different organizations of the same
   * unit, with equal folded text: n holders of one text make n·(n−1)/2 pairs. One guarded
   * self-join finds them; `includeSubunits` looks in every unit below `unitCode` too (pairs
   * still within one unit).
   */
  async overlaps(principal: Principal, unitCode: string, asOf: string, includeSubunits: boolean): Promise<DutyOverlap[]> {
    const manager = this.dataSource.manager;
    const scope = await unitInTerritory(this.units, manager, principal, unitCode, asOf);
    const query = manager
      .createQueryBuilder()
      .select('first_duty.version_id', 'first')
      .addSelect('second_duty.version_id', 'second')
      .addSelect('unit.code', 'unitCode')
      .addSelect('first_duty.normalized_text', 'matchedText')
      .from(Duty, 'first_duty')
      .innerJoin(Organization, 'first_org', `first_org.id = first_duty.organization_id AND ${validOn('first_org')}`)
      .innerJoin(
        Duty,
        'second_duty',
        `second_duty.normalized_text = first_duty.normalized_text
         AND second_duty.organization_id <> first_duty.organization_id
         AND (first_duty.valid_from, first_duty.id) < (second_duty.valid_from, second_duty.id)
         AND ${validOn('second_duty')}`,
      )
      .innerJoin(
        Organization,
        'second_org',
        `second_org.id = second_duty.organization_id AND second_org.unit_code = first_org.unit_code AND ${validOn('second_org')}`,
      )
      .where(validOn('first_duty'), { asOf });
    withinTerritory(query, principal, 'first_org.unit_code', asOf)
      .andWhere(includeSubunits ? 'unit.path <@ :scopePath::ltree' : 'unit.code = :scopeCode', {
        scopePath: scope.path,
        scopeCode: scope.code,
      })
      .orderBy('unit.code')
      .addOrderBy('first_duty.normalized_text')
      .addOrderBy('first_duty.valid_from')
      .addOrderBy('first_duty.id')
      .addOrderBy('second_duty.valid_from')
      .addOrderBy('second_duty.id');
    const rows = await query.getRawMany<OverlapRow>();
    const duties = await this.versions(rows.flatMap((row) => [row.first, row.second]), asOf);
    return rows.map((row) =>
      Object.assign(new DutyOverlap(), {
        first: duties.get(row.first),
        second: duties.get(row.second),
        unitCode: row.unitCode,
        matchedText: row.matchedText,
      }),
    );
  }

  /** The duty versions the guarded self-join named, in one query. */
  private async versions(versionIds: string[], asOf: string): Promise<Map<string, Duty>> {
    if (versionIds.length === 0) return new Map();
    const duties = await this.dataSource.getRepository(Duty).findBy({ versionId: In([...new Set(versionIds)]) });
    return new Map(duties.map((duty) => [duty.versionId, stampVersion(duty, asOf)]));
  }
}
