import type { Principal } from '@ps/auth';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { territoryGuard } from '../territory/territory.guard';
import { requireUnit } from '../unit/unit.access';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { inForceOn, stampAsOf } from '@ps/effective-dating';
import { Duty } from './duty.entity';
import { dutyOverlapConfig, minSimilarityFor, type DutyOverlapConfig } from './duty-overlap.threshold';
import { DutyOverlap } from './duty-overlap.types';

interface OverlapRow {
  first: string;
  second: string;
  unitCode: string;
  firstText: string;
  similarity: number;
  exact: boolean;
}

/** Finds functions and duties held twice inside one unit: a defect the reorganization must remove. */
export class DutyOverlapService {
  constructor(
    private readonly dataSource: DataSource,
    // Read once per process from the environment (DUTY_OVERLAP_MIN_SIMILARITY); tests may pass their own.
    private readonly config: DutyOverlapConfig = dutyOverlapConfig(),
  ) {}

  /**
   * Every pair of duties in force on `asOf`, held by two different organizations of the same
   * unit, whose folded texts are identical or alike (pg_trgm similarity ≥ `minSimilarity`):
   * n holders of one text make n·(n−1)/2 pairs. Exact pairs first, then the most alike.
   * `includeSubunits` looks in every unit below `unitCode` too (pairs still within one unit).
   */
  async overlaps(
    principal: Principal,
    unitCode: string,
    asOf: string,
    includeSubunits: boolean,
    minSimilarity: number | null = null,
  ): Promise<DutyOverlap[]> {
    const threshold = minSimilarityFor(minSimilarity, this.config);
    const rows = await this.dataSource.transaction(async (manager) => {
      const scope = await requireUnit(manager, principal, unitCode, asOf);
      // `%` reads its threshold from this setting; is_local = true (SET LOCAL) ends it with the transaction.
      await manager.query("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", [String(threshold)]);
      return overlappingPairs(manager, principal, scope, asOf, includeSubunits).getRawMany<OverlapRow>();
    });
    const duties = await this.versions(rows.flatMap((row) => [row.first, row.second]), asOf);
    return rows.map((row) =>
      Object.assign(new DutyOverlap(), {
        first: duties.get(row.first),
        second: duties.get(row.second),
        unitCode: row.unitCode,
        matchedText: row.exact ? row.firstText : null,
        similarity: row.similarity,
        exact: row.exact,
      }),
    );
  }

  /** The duty versions the guarded self-join named, in one query. */
  private async versions(versionIds: string[], asOf: string): Promise<Map<string, Duty>> {
    if (versionIds.length === 0) return new Map();
    const duties = await this.dataSource.getRepository(Duty).findBy({ versionId: In([...new Set(versionIds)]) });
    return new Map(duties.map((duty) => [duty.versionId, stampAsOf(duty, asOf)]));
  }
}

const SIMILARITY = 'similarity(first_duty.normalized_text, second_duty.normalized_text)';
const EXACT = 'first_duty.normalized_text = second_duty.normalized_text';

/** One guarded query: the self-join below, in force on `asOf`, inside the territory and the scope asked. */
function overlappingPairs(manager: EntityManager, principal: Principal, scope: AdministrativeUnit, asOf: string, includeSubunits: boolean) {
  const query = selfJoin(manager).where(inForceOn('first_duty', ':asOf'), { asOf });
  return territoryGuard
    .joinUnitOn(query, principal, 'first_org.unit_code', asOf)
    .andWhere(includeSubunits ? 'unit.path <@ :scopePath::ltree' : 'unit.code = :scopeCode', {
      scopePath: scope.path,
      scopeCode: scope.code,
    })
    .orderBy(EXACT, 'DESC')
    .addOrderBy(SIMILARITY, 'DESC')
    .addOrderBy('unit.code')
    .addOrderBy('first_duty.normalized_text')
    .addOrderBy('first_duty.valid_from')
    .addOrderBy('first_duty.id')
    .addOrderBy('second_duty.valid_from')
    .addOrderBy('second_duty.id');
}

/**
 * Pairs of duties of two organizations of one unit with alike folded texts, each pair once.
 * `%` (not `similarity() >=`) lets the planner probe the trigram index on duty.normalized_text;
 * identical non-empty texts score 1, so exact pairs pass it too.
 */
function selfJoin(manager: EntityManager) {
  return manager
    .createQueryBuilder()
    .select('first_duty.version_id', 'first')
    .addSelect('second_duty.version_id', 'second')
    .addSelect('unit.code', 'unitCode')
    .addSelect('first_duty.normalized_text', 'firstText')
    .addSelect(SIMILARITY, 'similarity')
    .addSelect(EXACT, 'exact')
    .from(Duty, 'first_duty')
    .innerJoin(Organization, 'first_org', `first_org.id = first_duty.organization_id AND ${inForceOn('first_org', ':asOf')}`)
    .innerJoin(
      Duty,
      'second_duty',
      `second_duty.normalized_text % first_duty.normalized_text
       AND second_duty.organization_id <> first_duty.organization_id
       AND (first_duty.valid_from, first_duty.id) < (second_duty.valid_from, second_duty.id)
       AND ${inForceOn('second_duty', ':asOf')}`,
    )
    .innerJoin(
      Organization,
      'second_org',
      `second_org.id = second_duty.organization_id AND second_org.unit_code = first_org.unit_code AND ${inForceOn('second_org', ':asOf')}`,
    );
}
