import type { Principal } from '@ps/auth';
import { BadUserInputError } from '@ps/errors';
import { foldText } from '@ps/service-kit';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Organization } from '../organization/organization.entity';
import { organizationsInForce } from '../organization/organization.scope';
import { requireUnit } from '../unit/unit.access';
import type { AdministrativeUnit } from '../unit/unit.entity';
import type { UnitService } from '../unit/unit.service';
import { stampAsOf } from '@ps/effective-dating';

const MAX_RESULTS = 100;

/**
 * Finds units and organizations by name regardless of diacritics and case ("dinh an" finds
 * "Xã Định An"): the folded text against the folded `search_name` (trigram index), in force on
 * the date and inside the caller's territory, in SQL.
 */
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitService,
  ) {}

  async searchUnits(principal: Principal, text: string, asOf: string, first: number): Promise<AdministrativeUnit[]> {
    const term = searchTerm(text, first);
    const found = await byName(this.units.inForce(principal, asOf), 'unit', term, first).getMany();
    return found.map((unit) => stampAsOf(unit, asOf));
  }

  /** With `unitCode`, only organizations of that unit and the units below it. */
  async searchOrganizations(
    principal: Principal,
    text: string,
    asOf: string,
    unitCode: string | null,
    first: number,
  ): Promise<Organization[]> {
    const term = searchTerm(text, first);
    const manager = this.dataSource.manager;
    const query = organizationsInForce(manager, principal, asOf);
    if (unitCode !== null) {
      const scope = await requireUnit(manager, principal, unitCode, asOf);
      query.andWhere('unit.path <@ :scopePath::ltree', { scopePath: scope.path });
    }
    const found = await byName(query, 'org', term, first).getMany();
    return found.map((organization) => stampAsOf(organization, asOf));
  }
}

/** The folded search text; refuses one too short to mean anything and an unreasonable page size. */
function searchTerm(text: string, first: number): string {
  const term = foldText(text);
  if (term.length < 2) {
    throw new BadUserInputError('Từ khóa tìm kiếm cần ít nhất 2 ký tự', 'Search text needs at least 2 characters', { text });
  }
  if (!Number.isInteger(first) || first < 1 || first > MAX_RESULTS) {
    throw new BadUserInputError(`Số kết quả phải từ 1 đến ${MAX_RESULTS}`, `first must be between 1 and ${MAX_RESULTS}`, { first });
  }
  return term;
}

/** Names containing the term, most similar first. Folded text holds only letters, digits and spaces: no LIKE wildcards. */
function byName<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, term: string, first: number) {
  return query
    .andWhere(`${alias}.search_name ILIKE :pattern`, { pattern: `%${term}%` })
    .orderBy(`similarity(${alias}.search_name, :term)`, 'DESC')
    .addOrderBy(`${alias}.name`)
    .setParameter('term', term)
    .limit(first);
}
