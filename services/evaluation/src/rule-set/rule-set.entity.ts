import { DatedRecord } from '@ps/effective-dating';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AnnualRatingDeadline, LatePenalty, RatingBand, RatingCriterion, RatingOverride, RatingQuota } from './rule-set-parts.type';
import { RatingMethod, RuleSubject } from './rule-set.kinds';
import type { RuleSetContent, RuleSetDraft } from './rule-set.schema';

/**
 * A rating rule set (bộ quy tắc xếp loại): whom it applies to, its period, the document and
 * article it comes from, and its content (criteria, bands, quotas, overrides, penalty,
 * deadline) as one validated jsonb document, read and written whole with its set.
 */
@ObjectType({ description: 'Bộ quy tắc đánh giá, xếp loại chất lượng có thời hạn hiệu lực / an effective-dated rating rule set' })
@Entity({ name: 'rating_rule_set' })
export class RatingRuleSet extends DatedRecord {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Mã bộ quy tắc, VD ND335-2025-CIVIL_SERVANT / stable code' })
  @Column({ type: 'text' })
  code!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => RuleSubject, { description: 'Đối tượng áp dụng / whom it applies to' })
  @Column({ name: 'applies_to', type: 'text' })
  appliesTo!: RuleSubject;

  @Field({ description: 'Văn bản làm căn cứ / source document' })
  @Column({ name: 'source_document', type: 'text' })
  sourceDocument!: string;

  @Field({ description: 'Điều, khoản / article' })
  @Column({ name: 'source_article', type: 'text' })
  sourceArticle!: string;

  @Field(() => RatingMethod)
  @Column({ type: 'text' })
  method!: RatingMethod;

  @Column({ type: 'jsonb' })
  content!: Omit<RuleSetContent, 'method'>;

  @Field(() => [RatingCriterion])
  get criteria(): RatingCriterion[] {
    return this.content.criteria;
  }

  @Field(() => [RatingBand], { description: 'Khung xếp loại từ thấp đến cao / bands, lowest first' })
  get bands(): RatingBand[] {
    return this.content.bands;
  }

  @Field(() => [RatingQuota])
  get quotas(): RatingQuota[] {
    return this.content.quotas;
  }

  @Field(() => [RatingOverride])
  get overrides(): RatingOverride[] {
    return this.content.overrides;
  }

  @Field(() => LatePenalty, { nullable: true })
  get latePenalty(): LatePenalty | null {
    return this.content.latePenalty;
  }

  @Field(() => AnnualRatingDeadline, { nullable: true })
  get annualDeadline(): AnnualRatingDeadline | null {
    return this.content.annualDeadline;
  }
}

/** The columns of a validated set; `content` keeps what has no column of its own. */
export function ruleSetColumns(set: RuleSetDraft) {
  const { code, name, appliesTo, validFrom, validTo, sourceDocument, sourceArticle, method, ...content } = set;
  return { code, name, appliesTo, validFrom, validTo, sourceDocument, sourceArticle, method, content };
}

/** A rule set as the engine reads it: plain data, its period and its content. */
export function ruleSetDraftOf(row: RatingRuleSet): RuleSetDraft {
  const { code, name, appliesTo, validFrom, validTo, sourceDocument, sourceArticle, method, content } = row;
  return { code, name, appliesTo, validFrom, validTo, sourceDocument, sourceArticle, method, ...content };
}
