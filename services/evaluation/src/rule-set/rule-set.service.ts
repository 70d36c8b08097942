import { randomUUID } from 'node:crypto';
import { hasCapability, isNational, type Principal } from '@ps/auth';
import { inForceOn, stampAsOf, todayInVietnam, writeDated } from '@ps/effective-dating';
import type { DataSource, EntityManager } from 'typeorm';
import { periodContradictions, type Contradiction } from './rule-set.contradictions';
import { RatingRuleSet, ruleSetColumns, ruleSetDraftOf } from './rule-set.entity';
import { NotNationalRecorderError, RuleSetContradictionError } from './rule-set.errors';
import type { RecordRatingRuleSetInput } from './rule-set.inputs';
import type { RuleSubject } from './rule-set.kinds';
import { validateRuleSet, type RuleSetDraft } from './rule-set.schema';
import { supersession, type Supersession } from './rule-set.supersession';

/** Rule sets are the same for every territory: any signed-in caller reads them; the centre's recorder records them. */
export class RatingRuleSetService {
  constructor(private readonly dataSource: DataSource) {}

  /** The sets in force on `asOf` (every set, past and future, without it), of one subject or all, by subject and start. */
  async list(asOf: string | null, appliesTo: RuleSubject | null): Promise<RatingRuleSet[]> {
    const query = this.dataSource.getRepository(RatingRuleSet).createQueryBuilder('rule_set').orderBy('rule_set.applies_to').addOrderBy('rule_set.valid_from');
    if (asOf !== null) query.andWhere(inForceOn('rule_set', ':asOf'), { asOf });
    if (appliesTo !== null) query.andWhere('rule_set.applies_to = :appliesTo', { appliesTo });
    const sets = await query.getMany();
    return sets.map((set) => stampAsOf(set, asOf ?? todayInVietnam()));
  }

  /** The one set of the subject in force on the date, or null when none was. */
  async inForce(date: string, appliesTo: RuleSubject): Promise<RatingRuleSet | null> {
    const [set] = await this.list(date, appliesTo);
    return set ?? null;
  }

  /**
   * Records a set from the decision's effective date, audited, ending the set it supersedes that
   * day: refused with every reason when it contradicts itself or overlaps another set of its
   * subject (or reuses a code, or supersedes what it cannot), writing nothing.
   */
  async record(principal: Principal, input: RecordRatingRuleSetInput): Promise<RatingRuleSet> {
    if (!isNational(principal) || !hasCapability(principal, 'recorder')) throw new NotNationalRecorderError(principal.role);
    return writeDated(this.dataSource, { actor: principal, operation: 'recordRatingRuleSet', change: input.change }, async (write) => {
      // one recording per subject at a time, so two overlapping sets cannot both pass the check
      await write.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rating_rule_set:${input.appliesTo}`]);
      const { set: validated, ended } = await this.checked(write.manager, input);
      if (ended) {
        await write.manager.getRepository(RatingRuleSet).update({ code: ended.superseded.code }, { validTo: ended.endedOn });
        write.before({ superseded: { code: ended.superseded.code, validTo: ended.previousValidTo } });
      }
      const repository = write.manager.getRepository(RatingRuleSet);
      const set = repository.create({
        id: randomUUID(),
        ...ruleSetColumns(validated),
        reason: write.change.reason,
        decisionId: write.change.decision.id,
        createdBy: write.actor.userId,
      });
      await repository.insert(set);
      // A set applies nationwide: its audit row is in every province's trail (and the centre's).
      const unitPaths = await provincePathsOn(write.manager, write.date);
      write.about({ type: 'RatingRuleSet', id: set.id, label: `Bộ quy tắc xếp loại ${set.code}: ${set.name}`, unitCode: null, unitPaths });
      write.after(ended ? { ...validated, superseded: { code: ended.superseded.code, validTo: ended.endedOn } } : validated);
      return stampAsOf(set, write.date);
    });
  }

  /** The validated set and what it supersedes, or the refusal listing every reason. */
  private async checked(manager: EntityManager, input: RecordRatingRuleSetInput): Promise<{ set: RuleSetDraft; ended: Supersession<RuleSetDraft> | null }> {
    const { change, supersedes, ...fields } = input;
    const candidate = { ...fields, validFrom: change.effectiveDate, validTo: fields.validTo ?? null };
    const recorded = (await this.sameSubjectOrCode(manager, input.appliesTo, input.code)).map(ruleSetDraftOf);
    const validation = validateRuleSet(candidate);
    const replacing = supersession(supersedes ?? null, candidate, recorded);
    const periods = recorded.map((set) => (set.code === replacing.change?.superseded.code ? replacing.change.superseded : set));
    const found: Contradiction[] = [
      ...(validation.ok ? [] : validation.contradictions),
      ...codeTaken(input.code, recorded),
      ...replacing.contradictions,
      ...periodContradictions(candidate, periods),
    ];
    if (!validation.ok || found.length > 0) throw new RuleSetContradictionError(input.code, found);
    return { set: validation.set, ended: replacing.change };
  }

  private sameSubjectOrCode(manager: EntityManager, appliesTo: RuleSubject, code: string): Promise<RatingRuleSet[]> {
    return manager.getRepository(RatingRuleSet).createQueryBuilder('rule_set').where('rule_set.applies_to = :appliesTo OR rule_set.code = :code', { appliesTo, code }).getMany();
  }
}

function codeTaken(code: string, recorded: readonly RuleSetDraft[]): Contradiction[] {
  return recorded.some((set) => set.code === code)
    ? [{ reason: 'CODE_TAKEN', path: 'code', vi: `Mã ${code} đã được dùng cho bộ quy tắc khác`, en: `Code ${code} is already taken` }]
    : [];
}

/** The paths of the provinces in force on the date, from the territory projection. */
async function provincePathsOn(manager: EntityManager, date: string): Promise<string[]> {
  const rows: Array<{ path: string }> = await manager.query(
    `SELECT DISTINCT path::text AS path FROM territory_unit unit WHERE unit.tier = 'PROVINCE' AND ${inForceOn('unit', '$1')} ORDER BY 1`,
    [date],
  );
  return rows.map((row) => row.path);
}
