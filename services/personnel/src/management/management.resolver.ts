import { AS_OF_ARGUMENT, asOfDate, inForceOn, LocalDate } from '@ps/effective-dating';
import { Arg, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { ManagementRuleView } from './management-rule.type';

/** The decentralisation rules are public law: any signed-in caller may read them. */
@Resolver(() => ManagementRuleView)
export class ManagementRuleResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [ManagementRuleView], { description: 'Quy tắc phân cấp quản lý có hiệu lực vào ngày asOf / the decentralisation rules in force on a date' })
  async managementRules(@Arg('asOf', () => LocalDate, AS_OF_ARGUMENT) asOf: string | null): Promise<ManagementRuleView[]> {
    const rows: ManagementRuleView[] = await this.dataSource.query(
      `SELECT code, subject_kind AS "subjectKind", subject_code AS "subjectCode", person_tier AS "personTier", managing_tier AS "managingTier",
              body, valid_from::text AS "validFrom", valid_to::text AS "validTo", source_document AS "sourceDocument", source_article AS "sourceArticle"
         FROM management_rule rule
        WHERE ${inForceOn('rule', '$1')}
        ORDER BY subject_kind, subject_code, person_tier, body`,
      [asOfDate(asOf)],
    );
    return rows.map((row) => Object.assign(new ManagementRuleView(), row));
  }
}
